using System;
using System.IO;
using System.Text.Json;

namespace Mapflow.Client.Json
{
    /// <summary>
    /// Utf8JsonReader over a stream through a refilled buffer. Utf8JsonReader is a ref struct and cannot live in a
    /// field or across a yield, so each call makes a short-lived reader from the saved <see cref="JsonReaderState"/>.
    /// The buffer grows only to fit the largest single value read whole (one feature), never the file, and never
    /// past <c>maxValueBytes</c>: a longer value is skipped, token by token, and reported.
    /// </summary>
    internal sealed class JsonStreamReader
    {
        private const int InitialBufferSize = 64 * 1024;

        // Room beside the longest value for the separators and whitespace before it.
        private const int Slack = 4096;

        // The largest byte array .NET allows.
        private const int MaxArrayLength = 0x7FFFFFC7;

        private readonly Stream _stream;
        private readonly long _maxValueBytes;
        private readonly int _maxBufferSize;
        private byte[] _buffer;
        private int _start;
        private int _end;
        private bool _final;
        private bool _started;
        private JsonReaderState _state;

        /// <param name="maxValueBytes">
        /// The longest value <see cref="ReadValueBytes"/> returns; a longer one is skipped and reported with
        /// <see cref="JsonValueTooLargeException"/>. It bounds the buffer, so memory stays near it whatever the input.
        /// </param>
        public JsonStreamReader(Stream stream, long maxValueBytes = MaxArrayLength)
        {
            _stream = stream;
            _maxValueBytes = maxValueBytes;
            _maxBufferSize = (int)Math.Min(maxValueBytes + Slack, MaxArrayLength);
            _buffer = new byte[Math.Min(InitialBufferSize, _maxBufferSize)];
        }

        public JsonTokenType TokenType { get; private set; }

        public int Depth { get; private set; }

        /// <summary>The text of the current property name or string token; null for other tokens.</summary>
        public string? String { get; private set; }

        /// <summary>Moves to the next token; false at the end of the document.</summary>
        public bool Read()
        {
            while (true)
            {
                var reader = NewReader();
                if (reader.Read())
                {
                    TokenType = reader.TokenType;
                    Depth = reader.CurrentDepth;
                    String = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? reader.GetString() : null;
                    Commit(ref reader);
                    return true;
                }

                if (_final)
                    return false;
                if (!TryRefill())
                    throw new JsonException($"A JSON token is longer than {_maxBufferSize} bytes.");
            }
        }

        /// <summary>After <see cref="Read"/> stopped on a StartObject/StartArray, skips to its end token by token.</summary>
        public void SkipChildren()
        {
            if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                Skip(Depth);
        }

        /// <summary>Skips the next value, however long, and returns how many bytes it took (with the separators before it).</summary>
        public long SkipValue() => Skip(-1);

        // Token by token to the end token at the depth given, or through the next whole value for -1. Nothing is
        // kept, so a token longer than the buffer is cut rather than read (see CutPendingToken).
        private long Skip(int depth)
        {
            long length = 0;
            while (true)
            {
                var reader = NewReader();
                bool done = false;
                while (reader.Read())
                {
                    if (depth < 0)
                    {
                        depth = reader.CurrentDepth;
                        done = reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray);
                    }
                    else
                    {
                        done = reader.CurrentDepth == depth
                               && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray;
                    }

                    if (done)
                        break;
                }

                length += reader.BytesConsumed;
                Commit(ref reader);
                if (done)
                {
                    TokenType = reader.TokenType;
                    Depth = depth;
                    String = null;
                    return length;
                }

                if (_final)
                    throw new JsonException("The JSON ends inside an object or array.");
                length += TryRefill() ? 0 : CutPendingToken();
            }
        }

        /// <summary>
        /// Reads the next value whole and returns a copy of its bytes; null when the next token ends the enclosing
        /// array. Used for one feature at a time (AOIs on import, result features on save).
        /// </summary>
        /// <exception cref="JsonValueTooLargeException">
        /// The value is longer than the limit given to the constructor. It has been skipped: reading can go on.
        /// </exception>
        public byte[]? ReadValueBytes()
        {
            while (true)
            {
                var reader = NewReader();
                if (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        TokenType = JsonTokenType.EndArray;
                        Depth = reader.CurrentDepth;
                        String = null;
                        Commit(ref reader);
                        return null;
                    }

                    int valueStart = (int)reader.TokenStartIndex;
                    if (reader.TrySkip())
                    {
                        int length = (int)reader.BytesConsumed - valueStart;
                        var bytes = length > _maxValueBytes ? null : _buffer.AsSpan(_start + valueStart, length).ToArray();
                        TokenType = reader.TokenType;
                        Depth = reader.CurrentDepth;
                        String = null;
                        Commit(ref reader);
                        return bytes ?? throw new JsonValueTooLargeException(length, _maxValueBytes);
                    }
                }

                // Not all of the value is buffered: nothing was committed, so refill and read it again from its start.
                if (_final)
                    throw new JsonException("The JSON ends inside a value.");
                if (!TryRefill())
                    throw new JsonValueTooLargeException(SkipValue(), _maxValueBytes);
            }
        }

        private Utf8JsonReader NewReader()
        {
            if (!_started)
            {
                _started = true;
                TryRefill();
                SkipByteOrderMark();
            }

            return new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        }

        private void Commit(ref Utf8JsonReader reader)
        {
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        // Moves the unread bytes to the front and reads more, growing the buffer when it is full. False when it is
        // full at its largest: the pending token or value is longer than the limit.
        private bool TryRefill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length < _maxBufferSize)
                    Array.Resize(ref _buffer, (int)Math.Min(2L * _buffer.Length, _maxBufferSize));
                else if (!SqueezeWhitespace())
                    return false;
            }

            while (_end < _buffer.Length && ReadChunk())
            {
            }

            return true;
        }

        private bool ReadChunk()
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _final = true;
            _end += read;
            return read > 0;
        }

        // Utf8JsonReader consumes the whitespace after a comma only with the token that follows, so a long run of it
        // could fill the buffer. It means nothing: squeeze it out. False when there is none before the pending token.
        private bool SqueezeWhitespace()
        {
            int token = PendingTokenStart();
            int kept = 0;
            for (int i = 0; i < token; i++)
            {
                if (_buffer[i] is (byte)',' or (byte)':')
                    _buffer[kept++] = _buffer[i];
            }

            if (kept == token)
                return false;
            Buffer.BlockCopy(_buffer, token, _buffer, kept, _end - token);
            _end -= token - kept;
            return true;
        }

        private int PendingTokenStart()
        {
            int token = 0;
            while (token < _end && _buffer[token] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)':')
                token++;
            return token;
        }

        // Only while skipping: the full buffer holds a separator and the start of one token longer than the buffer.
        // A string becomes "" and a number 0, their bytes read through and dropped. Returns the bytes dropped, so
        // the skipped value's length is still known.
        private long CutPendingToken()
        {
            int token = PendingTokenStart();
            if (token < _end && _buffer[token] == (byte)'"')
                return DropUntilEnd(token + 1, inString: true);
            if (token < _end && _buffer[token] is (byte)'-' or >= (byte)'0' and <= (byte)'9')
            {
                _buffer[token] = (byte)'0';
                return DropUntilEnd(token + 1, inString: false) + 1;
            }

            throw new JsonException($"A JSON token is longer than {_maxBufferSize} bytes.");
        }

        // Drops the bytes from keep to the end of the string (its closing quote is kept) or of the number.
        private long DropUntilEnd(int keep, bool inString)
        {
            long dropped = 0;
            bool escaped = false;
            while (true)
            {
                for (int i = keep; i < _end; i++)
                {
                    byte b = _buffer[i];
                    bool ends = inString
                        ? !escaped && b == (byte)'"'
                        : b is not ((>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-');
                    escaped = inString && !escaped && b == (byte)'\\';
                    if (ends)
                    {
                        dropped += i - keep;
                        Buffer.BlockCopy(_buffer, i, _buffer, keep, _end - i);
                        _end = keep + (_end - i);
                        return dropped;
                    }
                }

                dropped += _end - keep;
                _end = keep;
                if (!ReadChunk())
                    return dropped;
            }
        }

        // Windows PowerShell 5.1 writes a UTF-8 BOM with -Encoding UTF8, and UTF-16 by default with Out-File.
        private void SkipByteOrderMark()
        {
            var head = _buffer.AsSpan(0, _end);
            if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
                _start = 3;
            else if (head.Length >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF))
                throw new InvalidDataException("The file is UTF-16 encoded; save it as UTF-8 (GeoJSON is UTF-8, RFC 7946 §11).");
        }
    }

    /// <summary>A value longer than the reader's limit; the reader has skipped it and can go on.</summary>
    internal sealed class JsonValueTooLargeException : Exception
    {
        public JsonValueTooLargeException(long length, long limit)
            : base($"The JSON value is {length} bytes long, more than the limit of {limit}.")
        {
            Length = length;
            Limit = limit;
        }

        public long Length { get; }

        public long Limit { get; }
    }
}
