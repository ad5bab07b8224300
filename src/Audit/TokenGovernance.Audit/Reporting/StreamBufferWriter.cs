using System.Buffers;

namespace TokenGovernance.Audit.Reporting;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hands what was written on to a stream whenever its one pooled chunk fills:
/// a <see cref="System.Text.Json.Utf8JsonWriter"/> over it serializes a report of any size synchronously (the
/// source-generated fast path) in constant memory, where writing into memory first would hold the whole report.
/// </summary>
public sealed class StreamBufferWriter(Stream stream, int chunkSize = 64 * 1024) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Reserve first: it may replace the buffer.
        var start = Reserve(sizeHint);
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    /// <summary>Writes what was advanced to the stream.</summary>
    public void Flush()
    {
        if (_written > 0)
        {
            stream.Write(_buffer, 0, _written);
            _written = 0;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Room for <paramref name="sizeHint"/> bytes (at least one) after what was written; where it starts.</summary>
    private int Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < sizeHint)
        {
            Flush();
            if (_buffer.Length < sizeHint)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
            }
        }

        return _written;
    }
}
