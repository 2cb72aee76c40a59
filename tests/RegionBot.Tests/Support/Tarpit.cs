using System.Net;
using System.Net.Sockets;

namespace RegionBot.Tests.Support;

/// <summary>
/// A hostile Connector service on 127.0.0.1: it accepts connections, reads what it is sent, and never answers. It
/// counts the connections it holds open, and the most it held at once.
/// </summary>
public sealed class Tarpit : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _held = [];
    private readonly Task _accepting;
    private int _open;
    private int _mostOpen;
    private int _accepted;

    public Tarpit()
    {
        _listener.Start();
        ServiceUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _accepting = AcceptAsync();
    }

    public string ServiceUrl { get; }

    public int Accepted => Volatile.Read(ref _accepted);

    public int MostOpenAtOnce => Volatile.Read(ref _mostOpen);

    public int OpenNow => Volatile.Read(ref _open);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([.. _held, _accepting]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                var open = Interlocked.Increment(ref _open);
                int most;
                while (open > (most = Volatile.Read(ref _mostOpen)) && Interlocked.CompareExchange(ref _mostOpen, open, most) != most)
                {
                }

                lock (_held)
                {
                    _held.Add(HoldAsync(client));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    /// <summary>Reads and discards until the caller gives up and closes the connection; never writes a byte.</summary>
    private async Task HoldAsync(TcpClient client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            try
            {
                var stream = client.GetStream();
                while (await stream.ReadAsync(buffer, _stop.Token) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The caller gave up, or the test is over.
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }
}
