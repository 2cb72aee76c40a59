using System.Net;
using System.Net.Sockets;

namespace RegionBot.Tests.Support;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so that a test against a
/// real Kestrel server can be several visitors at once: the server sees each one's own remote address, with no
/// forwarded-for header to trust.
/// </summary>
public static class LoopbackAddressClient
{
    /// <summary>The loopback address 127.0.0.<paramref name="last"/>.</summary>
    public static IPAddress Address(int last) => new([127, 0, 0, (byte)last]);

    public static HttpClient From(IPAddress local, Uri baseAddress, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
    }
}
