using Microsoft.Extensions.Options;

namespace CareForAll.Identity.Passwords;

/// <summary>bcrypt hashing with the configured work factor.</summary>
internal sealed class PasswordHasher
{
    private readonly int _workFactor;

    // A real hash of a random string: verifying against it costs what a real check costs, so a login for an
    // unknown email takes as long as one with a wrong password and does not reveal which emails exist.
    private readonly Lazy<string> _decoyHash;

    public PasswordHasher(IOptions<PasswordOptions> options)
    {
        _workFactor = options.Value.WorkFactor;
        if (_workFactor < PasswordOptions.MinimumWorkFactor)
        {
            throw new InvalidOperationException(
                $"Identity:Passwords:WorkFactor must be at least {PasswordOptions.MinimumWorkFactor} (was {_workFactor}).");
        }

        _decoyHash = new Lazy<string>(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), _workFactor));
    }

    public string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, _workFactor);

    public static bool Verify(string password, string hash)
    {
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }

    /// <summary>Spends the time of one verification and fails; for logins whose email is unknown.</summary>
    public bool VerifyDecoy(string password)
    {
        BCrypt.Net.BCrypt.Verify(password, _decoyHash.Value);
        return false;
    }
}
