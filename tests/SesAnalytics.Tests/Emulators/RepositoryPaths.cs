namespace SesAnalytics.Tests.Emulators;

/// <summary>Finds folders of this repository and of the shared material beside it from a test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Emulators => Path.Combine(Root, "emulators");

    /// <summary>The SES and SNS samples: <c>../shared/ses-samples</c> next to the repository.</summary>
    public static string Samples
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "ses-samples"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException(
                    $"The SES samples were expected at {path} (the shared folder beside the repository).");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No SesAnalytics.sln above {AppContext.BaseDirectory}.");
    }
}
