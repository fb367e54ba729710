namespace CareForAll.SslCommerzSandbox.Validation;

/// <summary>The APIConnect values of the validator APIs.</summary>
internal static class ApiConnectStatus
{
    /// <summary>The call was understood and answered.</summary>
    public const string Done = "DONE";

    /// <summary>API authentication failed (wrong store_id or store_passwd).</summary>
    public const string Failed = "FAILED";

    /// <summary>The parameters do not make a request.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";
}
