using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StackExchange.Redis;

namespace RegionBot.State;

/// <summary>
/// Bot Framework storage in Redis, so that several bot instances behind one Azure Bot Service share conversation
/// state. Each item is a Redis hash holding its JSON document and its eTag; writes that carry an eTag only succeed
/// while the stored item still has that eTag (optimistic concurrency), "*" or no eTag overwrites.
/// </summary>
/// <remarks>
/// Items are stored as plain JSON without .NET type names and read back as <see cref="JObject"/>, which BotState
/// and its property accessors convert to the requested types. Type names in stored data would let whoever can
/// write to Redis choose which .NET types the bot instantiates. Every write renews the item's time to live.
/// </remarks>
public sealed class RedisStorage(IConnectionMultiplexer redis, string keyPrefix, TimeSpan timeToLive) : IStorage
{
    private const string ETagField = "eTag";
    private const string DocumentField = "document";
    private const string AnyETag = "*";

    // Compare-and-set in one server-side step, so no other writer can slip in between the check and the write.
    // Returns 0 when the stored eTag differs from the expected one; an item that does not exist yet can always be
    // written, as with the SDK's MemoryStorage.
    private static readonly LuaScript WriteScript = LuaScript.Prepare("""
        local current = redis.call('HGET', @key, 'eTag')
        if @expected ~= '*' and current and current ~= @expected then
          return 0
        end
        redis.call('HSET', @key, 'eTag', @newETag, 'document', @document)
        redis.call('PEXPIRE', @key, @ttl)
        return 1
        """);

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var database = redis.GetDatabase();
        var reads = keys.Distinct(StringComparer.Ordinal)
            .Select(key => (Key: key, Fields: database.HashGetAsync(RedisKey(key), [ETagField, DocumentField])))
            .ToArray();
        await Task.WhenAll(reads.Select(read => read.Fields)).WaitAsync(cancellationToken);

        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, fields) in reads)
        {
            var values = fields.Result;
            if (values[0].IsNull || values[1].IsNull)
            {
                continue;
            }

            var document = JObject.Parse(values[1]!);
            document[ETagField] = (string)values[0]!;
            items[key] = document;
        }

        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var database = redis.GetDatabase();
        foreach (var (key, value) in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (value is null)
            {
                throw new InvalidOperationException($"The state item '{key}' is null; delete it instead of writing null.");
            }

            var document = value is JToken token ? token.DeepClone() : JToken.FromObject(value, Serializer);
            if (document is not JObject item)
            {
                throw new InvalidOperationException($"The state item '{key}' must serialize to a JSON object.");
            }

            var expected = ExpectedETag(value, item);

            // The eTag is kept beside the document, not in it, so that it always names the stored version.
            item.Remove(ETagField);
            item.Remove(nameof(IStoreItem.ETag));
            var written = (int)await database.ScriptEvaluateAsync(WriteScript, new
            {
                key = RedisKey(key),
                expected,
                newETag = Guid.NewGuid().ToString("N"),
                document = item.ToString(Formatting.None),
                ttl = (long)timeToLive.TotalMilliseconds,
            });
            if (written == 0)
            {
                throw new ETagConflictException(key, expected);
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await redis.GetDatabase().KeyDeleteAsync(keys.Select(RedisKey).ToArray()).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The eTag the writer last read: an <see cref="IStoreItem"/>'s own, or the "eTag" that <see cref="ReadAsync"/>
    /// put into a document (BotState writes back the dictionary it read, eTag included). None means overwrite.
    /// </summary>
    private static string ExpectedETag(object value, JObject item)
    {
        var eTag = value is IStoreItem storeItem ? storeItem.ETag : (string?)item[ETagField];
        return string.IsNullOrEmpty(eTag) ? AnyETag : eTag;
    }

    private RedisKey RedisKey(string key) => keyPrefix + key;
}
