namespace SesAnalytics.Aws.DynamoDb;

/// <summary>DynamoDB kept refusing part of a batch write (throttling) after every attempt; nothing was lost.</summary>
public sealed class DynamoDbWriteIncompleteException : Exception
{
    public DynamoDbWriteIncompleteException()
        : base("DynamoDB left items of a batch write unprocessed.")
    {
    }

    public DynamoDbWriteIncompleteException(string message)
        : base(message)
    {
    }

    public DynamoDbWriteIncompleteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
