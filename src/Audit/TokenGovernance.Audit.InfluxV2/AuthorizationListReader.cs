using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Reads <c>{"authorizations": [...]}</c> from a response stream, one authorization at a time, without the
/// serializer's general-purpose object machinery: the list of 100,000 tokens is the largest response an audit reads
/// (84 MB), and this is several times faster than <see cref="JsonSerializer"/> on it. Each element is parsed once
/// it is whole in the buffer; unknown properties are skipped; malformed or truncated input throws
/// <see cref="JsonException"/> like the serializer; a body without the list is malformed, never an empty result.
/// Field mapping is the one of <see cref="InfluxAuthorization"/> (same pooled fields, same token handling).
/// </summary>
internal static class AuthorizationListReader
{
    private const int InitialBufferSize = 1 << 16;

    private enum Position
    {
        BeforeRoot,
        InRoot,
        InList,
        Done,
    }

    /// <summary>One authorization larger than this is no real one: the read fails instead of growing without bound.</summary>
    public const int MaxElementBytes = 64 * 1024 * 1024;

    public static ValueTask<List<InfluxAuthorization>?> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        ReadAsync(stream, static (authorization, _) => authorization, cancellationToken);

    /// <summary>
    /// Reads the list and hands each authorization to <paramref name="map"/> (with its index) as soon as it is parsed,
    /// keeping only what the map returns: the wire objects never exist all at once.
    /// </summary>
    public static async ValueTask<List<T>?> ReadAsync<T>(Stream stream, Func<InfluxAuthorization, int, T> map, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var parser = new Parser<T>(map);
        try
        {
            var filled = 0;
            var final = false;
            var first = true;
            while (true)
            {
                while (!final && filled < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                    final = read == 0;
                    filled += read;
                }

                if (first && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                {
                    // A UTF-8 byte order mark, as the serializer accepts it.
                    buffer.AsSpan(3, filled - 3).CopyTo(buffer);
                    filled -= 3;
                }

                first = false;

                var consumed = parser.Parse(buffer.AsSpan(0, filled), final);
                if (parser.IsDone)
                {
                    await ExpectEndAsync(stream, buffer, consumed, filled, final, cancellationToken);
                    return parser.Items;
                }

                if (final)
                {
                    throw new JsonException("the response ended inside the authorization list");
                }

                if (consumed == 0)
                {
                    // One element larger than the buffer: grow it, up to a bound.
                    if (buffer.Length >= MaxElementBytes)
                    {
                        throw new JsonException($"$.authorizations[{parser.Items.Count}] is larger than {MaxElementBytes / (1024 * 1024)} MiB");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxElementBytes));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// After the document only white space may follow: <c>{"authorizations":[]} &lt;html&gt;502</c> or a second
    /// document back to back is a broken response, not an empty list.
    /// </summary>
    private static async ValueTask ExpectEndAsync(Stream stream, byte[] buffer, int consumed, int filled, bool final, CancellationToken cancellationToken)
    {
        var start = consumed;
        while (true)
        {
            foreach (var value in buffer.AsSpan(start, filled - start))
            {
                if (value is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    throw new JsonException("unexpected data after the end of the JSON document");
                }
            }

            if (final)
            {
                return;
            }

            start = 0;
            filled = await stream.ReadAsync(buffer, cancellationToken);
            final = filled == 0;
        }
    }

    /// <summary>Resumable over buffer refills: it only ever commits whole units (the root's start, a property, an element).</summary>
    private sealed class Parser<T>(Func<InfluxAuthorization, int, T> map)
    {
        private JsonReaderState _state;
        private Position _position = Position.BeforeRoot;
        private bool _sawList;

        public List<T> Items { get; } = [];

        public bool IsDone => _position == Position.Done;

        /// <summary>Parses what the buffer holds; returns the bytes committed (the rest is read again with more data).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Parse(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var committed = 0;
            try
            {
                while (_position != Position.Done)
                {
                    var checkpoint = reader;
                    if (!Step(ref reader))
                    {
                        reader = checkpoint;
                        break;
                    }

                    committed = (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException)
            {
                throw new JsonException("$.authorizations: " + exception.Message, exception);
            }

            if (_position == Position.Done && !_sawList)
            {
                throw new JsonException("the required property 'authorizations' is missing");
            }

            return committed;
        }

        /// <summary>One unit; false when the buffer ends before it does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool Step(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (_position)
            {
                case Position.BeforeRoot:
                    Expect(ref reader, JsonTokenType.StartObject, "$");
                    _position = Position.InRoot;
                    return true;

                case Position.InRoot when reader.TokenType == JsonTokenType.EndObject:
                    _position = Position.Done;
                    return true;

                case Position.InRoot:
                    var isList = reader.ValueTextEquals("authorizations"u8);
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (!isList)
                    {
                        return reader.TrySkip();
                    }

                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        throw new JsonException("$.authorizations is null");
                    }

                    if (_sawList)
                    {
                        throw new JsonException("$.authorizations appears twice");
                    }

                    Expect(ref reader, JsonTokenType.StartArray, "$.authorizations");
                    _sawList = true;
                    _position = Position.InList;
                    return true;

                case Position.InList when reader.TokenType == JsonTokenType.EndArray:
                    _position = Position.InRoot;
                    return true;

                default:
                    Expect(ref reader, JsonTokenType.StartObject, $"$.authorizations[{Items.Count}]");
                    var whole = reader;
                    if (!whole.TrySkip())
                    {
                        return false;
                    }

                    Items.Add(map(ReadAuthorization(ref reader), Items.Count));
                    return true;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static InfluxAuthorization ReadAuthorization(ref Utf8JsonReader reader)
    {
        var authorization = new InfluxAuthorization();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                Once(ref seen, 0, "id");
                reader.Read();
                authorization.Id = reader.GetString() ?? string.Empty;
            }
            else if (reader.ValueTextEquals("token"u8))
            {
                Once(ref seen, 1, "token");
                reader.Read();
                authorization.Token = TokenValueJsonConverter.ReadValue(ref reader);
            }
            else if (reader.ValueTextEquals("status"u8))
            {
                authorization.Status = Pooled(ref reader, ref seen, 2, "status") ?? "active";
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                Once(ref seen, 3, "description");
                reader.Read();
                authorization.Description = reader.GetString();
            }
            else if (reader.ValueTextEquals("orgID"u8))
            {
                authorization.OrgId = Pooled(ref reader, ref seen, 4, "orgID");
            }
            else if (reader.ValueTextEquals("org"u8))
            {
                authorization.Org = Pooled(ref reader, ref seen, 5, "org");
            }
            else if (reader.ValueTextEquals("userID"u8))
            {
                authorization.UserId = Pooled(ref reader, ref seen, 6, "userID");
            }
            else if (reader.ValueTextEquals("user"u8))
            {
                authorization.User = Pooled(ref reader, ref seen, 7, "user");
            }
            else if (reader.ValueTextEquals("permissions"u8))
            {
                Once(ref seen, 8, "permissions");
                reader.Read();
                authorization.Permissions = ReadPermissions(ref reader);
            }
            else if (reader.ValueTextEquals("createdAt"u8))
            {
                Once(ref seen, 9, "createdAt");
                reader.Read();
                authorization.CreatedAt = ReadTime(ref reader);
            }
            else if (reader.ValueTextEquals("updatedAt"u8))
            {
                Once(ref seen, 10, "updatedAt");
                reader.Read();
                authorization.UpdatedAt = ReadTime(ref reader);
            }
            else
            {
                reader.Read();
                SkipValue(ref reader);
            }
        }

        return authorization;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<InfluxPermission> ReadPermissions(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "permissions");
        var permissions = new List<InfluxPermission>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject, "permissions[]");
            var permission = new InfluxPermission();
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("action"u8))
                {
                    Once(ref seen, 0, "action");
                    reader.Read();
                    permission.Action = StringPool.Read(ref reader) ?? string.Empty;
                }
                else if (reader.ValueTextEquals("resource"u8))
                {
                    Once(ref seen, 1, "resource");
                    reader.Read();
                    permission.Resource = ReadResource(ref reader);
                }
                else
                {
                    reader.Read();
                    SkipValue(ref reader);
                }
            }

            permissions.Add(permission);
        }

        return permissions;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static InfluxResource ReadResource(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "resource");
        var resource = new InfluxResource();
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                resource.Type = Pooled(ref reader, ref seen, 0, "type") ?? string.Empty;
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                resource.Id = Pooled(ref reader, ref seen, 1, "id");
            }
            else if (reader.ValueTextEquals("orgID"u8))
            {
                resource.OrgId = Pooled(ref reader, ref seen, 2, "orgID");
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                resource.Name = Pooled(ref reader, ref seen, 3, "name");
            }
            else if (reader.ValueTextEquals("org"u8))
            {
                resource.Org = Pooled(ref reader, ref seen, 4, "org");
            }
            else
            {
                reader.Read();
                SkipValue(ref reader);
            }
        }

        return resource;
    }

    /// <summary>A field the audit reads may appear once: a duplicate is ambiguous, like in the serializer's strict mode.</summary>
    /// <summary>A property's value read once (<see cref="Once"/>) through the string pool.</summary>
    private static string? Pooled(ref Utf8JsonReader reader, ref int seen, int field, string name)
    {
        Once(ref seen, field, name);
        reader.Read();
        return StringPool.Read(ref reader);
    }

    private static void Once(ref int seen, int field, string name)
    {
        var bit = 1 << field;
        if ((seen & bit) != 0)
        {
            throw new JsonException($"duplicate property '{name}'");
        }

        seen |= bit;
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time)
            ? time
            : throw new JsonException("a time is not an ISO 8601 date and time");
    }

    /// <summary>The element is whole in the buffer (checked before it is parsed), so skipping always completes.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("an authorization ended early");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string where)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"{where}: expected {type}, found {reader.TokenType}");
        }
    }
}
