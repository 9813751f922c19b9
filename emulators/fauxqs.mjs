// Starts the fauxqs SQS and SNS emulator on 127.0.0.1 only, with request logging off.
// usage: node fauxqs.mjs PORT
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "", 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node fauxqs.mjs PORT (a TCP port from 1 to 65535)");
  process.exit(2);
}

const app = buildApp({ logger: false, host: "127.0.0.1", defaultRegion: "us-east-1" });
await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening at http://127.0.0.1:${port}`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
