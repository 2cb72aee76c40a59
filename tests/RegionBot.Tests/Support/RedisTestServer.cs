using StackExchange.Redis;

namespace RegionBot.Tests.Support;

/// <summary>
/// The redis-server the Redis tests run against, on loopback (127.0.0.1:6379 unless REGIONBOT_TEST_REDIS names
/// another). When it is not reachable the tests fail and say how to start it: they never pass without it.
/// </summary>
public static class RedisTestServer
{
    public static string Connection { get; } =
        Environment.GetEnvironmentVariable("REGIONBOT_TEST_REDIS") is { Length: > 0 } configured ? configured : "127.0.0.1:6379";

    public static ConnectionMultiplexer Connect()
    {
        var options = ConfigurationOptions.Parse(Connection);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 3000;
        options.ConnectRetry = 3;
        try
        {
            return ConnectionMultiplexer.Connect(options);
        }
        catch (RedisConnectionException failure)
        {
            throw new InvalidOperationException(
                $"redis-server is not reachable at {Connection}, and the Redis tests need it. Install and start it with "
                + "`apt-get install -y redis-server && redis-server --port 6379 --bind 127.0.0.1 --daemonize yes` "
                + "(./test.sh starts a throwaway one), or set REGIONBOT_TEST_REDIS to another loopback server.",
                failure);
        }
    }

    /// <summary>A key prefix no other test uses, so tests sharing the server never see each other's state.</summary>
    public static string UniquePrefix() => "regionbot-test:" + Guid.NewGuid().ToString("N") + ":";
}
