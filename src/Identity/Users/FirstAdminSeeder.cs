using CareForAll.ServiceDefaults.Api;
using CareForAll.BuildingBlocks.Messaging;
using CareForAll.Identity.Passwords;
using CareForAll.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Register = CareForAll.Identity.Features.Auth.Register;

namespace CareForAll.Identity.Users;

/// <summary>
/// Creates the first admin from configuration at startup. Idempotent and safe for replicas starting together
/// (the insert is ON CONFLICT DO NOTHING). An existing account is never changed: a password rotated in
/// configuration does not overwrite one the admin has since set, and a USER who registered the configured
/// email first is not promoted.
/// </summary>
internal sealed class FirstAdminSeeder(
    NpgsqlDataSource database,
    PasswordHasher passwords,
    IOptions<FirstAdminOptions> options,
    TimeProvider clock,
    ILogger<FirstAdminSeeder> logger)
{
    private const string InsertAdmin = """
        INSERT INTO auth.users (id, email, password_hash, role, email_verified, created_at, updated_at)
        VALUES (@Id, @Email, @PasswordHash, 'ADMIN', true, @Now, @Now)
        ON CONFLICT (email) DO NOTHING
        """;

    private const string InsertProfile = """
        INSERT INTO auth.user_profiles (id, user_id, first_name, last_name, created_at, updated_at)
        VALUES (@ProfileId, @Id, @FirstName, @LastName, @Now, @Now)
        """;

    private const string FindRole = """
        SELECT role FROM auth.users WHERE email = @Email
        """;

    public async Task SeedAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Email))
        {
            logger.FirstAdminNotConfigured();
            return;
        }

        if (!EmailAddress.IsValid(settings.Email))
        {
            throw new InvalidOperationException("Identity:FirstAdmin:Email is not a valid email address.");
        }

        if (settings.Password is null || settings.Password.Length < PasswordRules.MinimumLength || !PasswordRules.FitsBcrypt(settings.Password))
        {
            throw new InvalidOperationException(
                $"Identity:FirstAdmin:Password must be {PasswordRules.MinimumLength} to {PasswordRules.MaximumBytes} bytes long.");
        }

        var email = EmailAddress.Normalize(settings.Email);
        await using var connection = await database.OpenConnectionAsync(ct);

        // Checked first so a restart does not spend a bcrypt hash on an admin that already exists.
        var role = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(FindRole, new { Email = email }, cancellationToken: ct));
        if (role is not null)
        {
            LogExisting(role);
            return;
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var firstName = ProfileText.NullIfBlank(settings.FirstName);
        var lastName = ProfileText.NullIfBlank(settings.LastName);

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            InsertAdmin,
            new { Id = id, Email = email, PasswordHash = passwords.Hash(settings.Password), Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));
        if (inserted == 0)
        {
            // Another replica won the race.
            await transaction.RollbackAsync(ct);
            logger.FirstAdminPresent();
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            InsertProfile,
            new { ProfileId = Guid.CreateVersion7(now), Id = id, FirstName = firstName, LastName = lastName, Now = now.UtcDateTime },
            transaction,
            cancellationToken: ct));
        await Outbox.AddAsync(
            connection,
            transaction,
            Register.Endpoint.EventType,
            id,
            1,
            new Register.UserRegistered(id, email, CareForAllClaims.AdminRole, firstName, lastName, now),
            ct);
        await transaction.CommitAsync(ct);
        logger.FirstAdminCreated(id);
    }

    private void LogExisting(string role)
    {
        if (role == CareForAllClaims.AdminRole)
        {
            logger.FirstAdminPresent();
        }
        else
        {
            logger.FirstAdminEmailTakenByUser();
        }
    }
}
