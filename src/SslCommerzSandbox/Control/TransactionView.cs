namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>The emulator's view of a tran_id: its sessions, their attempts, validations and refunds.</summary>
internal sealed record TransactionView(string TranId, IReadOnlyList<SessionView> Sessions);
