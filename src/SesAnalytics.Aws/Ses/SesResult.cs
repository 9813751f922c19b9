namespace SesAnalytics.Aws.Ses;

/// <summary>What one SES v2 call answered: a value, or the error SES returned.</summary>
internal sealed record SesResult<T>(T? Value, SesApiError? Error)
    where T : class
{
    public static SesResult<T> Success(T value) => new(value, null);

    public static SesResult<T> Failure(SesApiError error) => new(null, error);
}
