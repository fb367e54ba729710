using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace CareForAll.Bench;

/// <summary>The report's picture: latency percentiles and throughput per scenario, the baselines beside them.</summary>
internal static class Chart
{
    public static void Write(Report report, string path)
    {
        var latency = new (string Label, Percentiles Value)[]
        {
            ("bare Kestrel", report.BareKestrel.Latency),
            ("totals", report.Totals.Latency),
            ("campaign list", report.CampaignList.Latency),
            ("campaign", report.CampaignById.Latency),
            ("pledge (wrk)", report.Pledges.Latency),
            ("pledge (donation)", report.Sustained.Pledge),
            ("initiate", report.Sustained.Initiate),
            ("IPN to total", report.Sustained.IpnToTotal ?? new Percentiles(0, 0, 0, 0, 0)),
        };
        var latencyPlot = new Plot();
        AddGroupedBars(latencyPlot, latency.Select(item => item.Label).ToArray(),
            ("p50", latency.Select(item => item.Value.P50).ToArray()),
            ("p90", latency.Select(item => item.Value.P90).ToArray()),
            ("p99", latency.Select(item => item.Value.P99).ToArray()));
        latencyPlot.Title("Latency (ms)");
        // From a fraction of a millisecond (bare Kestrel) to seconds (a backlog): a log axis shows both.
        LogAxis(latencyPlot, "milliseconds (log scale)");

        var throughput = new (string Label, double Value)[]
        {
            ("bare Kestrel", report.BareKestrel.RequestsPerSecond),
            ("totals", report.Totals.RequestsPerSecond),
            ("campaign list", report.CampaignList.RequestsPerSecond),
            ("campaign", report.CampaignById.RequestsPerSecond),
            ("pgbench -N", report.PgBench.Tps),
            ("pledges", report.Pledges.RequestsPerSecond),
            ("donations", report.Sustained.CompletedPerSecond),
            ("viral", report.Viral.CompletedPerSecond),
            ("spread", report.Spread.CompletedPerSecond),
        };
        var throughputPlot = new Plot();
        AddGroupedBars(throughputPlot, throughput.Select(item => item.Label).ToArray(),
            ("per second", throughput.Select(item => item.Value).ToArray()));
        // Donations per second and bare requests per second are three orders apart: a log axis shows both.
        LogAxis(throughputPlot, "per second (log scale)");
        throughputPlot.Title("Throughput (requests, transactions or donations per second)");

        const int width = 1400, height = 1000;
        var multiplot = new Multiplot(latencyPlot);
        multiplot.Subplots.Add(throughputPlot);
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        multiplot.Render(surface.Canvas, new PixelRect(0, width, height, 0));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, png.ToArray());
    }

    private static void LogAxis(Plot plot, string label)
    {
        // Bars stand on 0.1 (see AddGroupedBars), so the tick at height h reads 10^(h - 1).
        double[] heights = [0, 1, 2, 3, 4, 5, 6];
        plot.Axes.Left.SetTicks(heights, heights.Select(h => Math.Pow(10, h - 1).ToString("#,0.#", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.Label.Text = label;
    }

    private static void AddGroupedBars(Plot plot, string[] labels, params (string Name, double[] Values)[] series)
    {
        var width = 0.8 / series.Length;
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < series.Length; s++)
        {
            var offset = (s - (series.Length - 1) / 2.0) * width;
            var bars = series[s].Values
                .Select((value, i) => new Bar
                {
                    Position = i + offset,
                    // Drawn on a log axis standing on 0.1: the height is the decade above it.
                    Value = Math.Log10(Math.Max(value, 0.1)) + 1,
                    Size = width,
                    FillColor = palette.GetColor(s),
                    Label = value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture)
                        : value.ToString("0.#", CultureInfo.InvariantCulture),
                })
                .ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.ValueLabelStyle.FontSize = 11;
            if (series.Length > 1)
            {
                plotted.LegendText = series[s].Name;
            }
        }

        plot.Axes.Bottom.SetTicks(labels.Select((_, i) => (double)i).ToArray(), labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        if (series.Length > 1)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }
    }
}
