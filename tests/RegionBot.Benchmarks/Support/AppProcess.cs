using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RegionBot.Benchmarks.Support;

/// <summary>
/// A web app the benchmarks start as a child process on a free loopback port, wait for, measure and stop.
/// Its console output is drained (a full pipe would block its logging) and the last lines are kept for errors.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process process;
    private readonly Queue<string> lastOutput = new();
    private readonly long startedAt;

    private AppProcess(Process process, Uri baseAddress, long startedAt)
    {
        this.process = process;
        this.startedAt = startedAt;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> arguments --urls http://127.0.0.1:PORT</c> on a free port.</summary>
    public static AppProcess Start(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{assembly} is not built; run `dotnet build -c Release` first.", assembly);
        }

        var port = FreePort();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, baseAddress, startedAt);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls <c>GET /healthz</c> until it answers 200; returns the time from process start.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(HttpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var health = new Uri(BaseAddress, "healthz");
        while (Stopwatch.GetElapsedTime(startedAt) < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it was healthy:\n{RecentOutput()}");
            }

            try
            {
                using var response = await client.GetAsync(health, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(startedAt);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10, cancellationToken);
        }

        throw new TimeoutException($"The app was not healthy within {timeout.TotalSeconds:0} s:\n{RecentOutput()}");
    }

    /// <summary>Resident and peak resident memory in MiB, from /proc/&lt;pid&gt;/status (Linux).</summary>
    public (double ResidentMiB, double PeakResidentMiB) Memory()
    {
        double Read(string key)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
            var kilobytes = long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return kilobytes / 1024.0;
        }

        return (Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>
    /// The processor time the app has used so far (user and system, from /proc/&lt;pid&gt;/stat in clock ticks of
    /// 10 ms): unlike throughput, it hardly changes when other processes compete for the cores.
    /// </summary>
    public TimeSpan CpuTime()
    {
        const double TicksPerSecond = 100;
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");

        // The command name in parentheses may hold spaces; the numeric fields follow the closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public string RecentOutput()
    {
        lock (lastOutput)
        {
            return string.Join('\n', lastOutput);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastOutput)
        {
            lastOutput.Enqueue(line);
            while (lastOutput.Count > KeptOutputLines)
            {
                lastOutput.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
