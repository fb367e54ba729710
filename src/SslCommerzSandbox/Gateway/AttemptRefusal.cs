namespace CareForAll.SslCommerzSandbox.Gateway;

/// <summary>Why a session takes no more attempts.</summary>
internal enum AttemptRefusal
{
    None,
    AlreadyPaid,
    Expired,
}
