using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CareForAll.IntegrationTests.Telemetry;

/// <summary>One exported span, as far as the tests need it.</summary>
public sealed record ExportedSpan(
    string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, IReadOnlyList<(string TraceId, string SpanId)> Links,
    string? ServiceVersion = null);

/// <summary>
/// An OTLP/HTTP (protobuf) trace receiver the test run hosts, so tests read back what the services really exported
/// rather than infer it. Decodes just the fields of <c>ExportTraceServiceRequest</c> the tests look at.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private WebApplication? _app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<ExportedSpan> Spans => _spans;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1AndHttp2));
        _app = builder.Build();
        _app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            foreach (var span in Decode(buffer.ToArray()))
            {
                _spans.Enqueue(span);
            }

            return Results.Ok();
        });
        // Metrics and logs are exported too; accepted and ignored.
        _app.MapPost("/v1/metrics", () => Results.Ok());
        _app.MapPost("/v1/logs", () => Results.Ok());
        await _app.StartAsync();
        Endpoint = new Uri(_app.Urls.First());
    }

    /// <summary>Every span of <paramref name="traceId"/>, and every span of a trace that links to it.</summary>
    public IReadOnlyList<ExportedSpan> TraceWithLinked(string traceId)
    {
        var spans = _spans.ToArray();
        var linkedTraces = spans.Where(s => s.Links.Any(l => l.TraceId == traceId)).Select(s => s.TraceId).ToHashSet();
        return spans.Where(s => s.TraceId == traceId || linkedTraces.Contains(s.TraceId)).ToList();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    internal static IEnumerable<ExportedSpan> Decode(byte[] payload)
    {
        var spans = new List<ExportedSpan>();
        foreach (var resourceSpans in Fields(payload, 1))
        {
            var service = "";
            string? version = null;
            foreach (var resource in Fields(resourceSpans, 1))
            {
                foreach (var attribute in Fields(resource, 1))
                {
                    var value = Fields(attribute, 2).Select(value => String(value, 1)).FirstOrDefault();
                    switch (String(attribute, 1))
                    {
                        case "service.name":
                            service = value ?? "";
                            break;
                        case "service.version":
                            version = value;
                            break;
                    }
                }
            }

            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                foreach (var span in Fields(scopeSpans, 2))
                {
                    var parent = Hex(Fields(span, 4).FirstOrDefault());
                    spans.Add(new ExportedSpan(
                        service,
                        Hex(Fields(span, 1).First()),
                        Hex(Fields(span, 2).First()),
                        parent.Length == 0 ? null : parent,
                        String(span, 5) ?? "",
                        Fields(span, 13).Select(link => (Hex(Fields(link, 1).First()), Hex(Fields(link, 2).First()))).ToList(),
                        version));
                }
            }
        }

        return spans;
    }

    /// <summary>The length-delimited values of field <paramref name="number"/> in a message.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var values = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return values;
    }

    private static string? String(byte[] message, int number) =>
        Fields(message, number).Select(bytes => System.Text.Encoding.UTF8.GetString(bytes)).FirstOrDefault();

    private static string Hex(byte[]? bytes) => bytes is null ? "" : Convert.ToHexStringLower(bytes);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
