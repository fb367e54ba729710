using CareForAll.SslCommerzSandbox.Notifications;

namespace CareForAll.SslCommerzSandbox.Control;

/// <summary>
/// Maps the control API under <c>/_sandbox/</c>, kept apart from the gateway's paths: automated tests script
/// payments and deliveries with it instead of clicking through the checkout page.
/// </summary>
internal static class ControlEndpoints
{
    public static void MapSandboxControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_sandbox");
        control.MapPost("/pay", (PayRequest request, SandboxControl sandbox) => Results.Ok(sandbox.Pay(request)));
        control.MapGet("/deliveries", (string? tranId, DeliveryJournal journal) => Results.Ok(journal.For(tranId)));
        control.MapGet("/transactions/{tranId}", (string tranId, SandboxControl sandbox) => Results.Ok(sandbox.View(tranId)));
        control.MapPost("/notifications", async (NotificationRequest request, SandboxControl sandbox, HttpContext context) =>
            Results.Ok(await sandbox.NotifyAsync(request, context.RequestAborted)));
    }
}
