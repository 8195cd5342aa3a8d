using System;
using System.IO;
using System.Text.Json;

namespace Mapflow.Client.Json
{
    /// <summary>
    /// Utf8JsonReader over a stream through a refilled buffer. Utf8JsonReader is a ref struct and cannot live in a
    /// field or across a yield, so each call makes a short-lived reader from the saved <see cref="JsonReaderState"/>.
    /// The buffer grows only to fit the largest single value read whole (one feature), never the file.
    /// </summary>
    internal sealed class JsonStreamReader
    {
        private const int InitialBufferSize = 64 * 1024;

        private readonly Stream _stream;
        private byte[] _buffer = new byte[InitialBufferSize];
        private int _start;
        private int _end;
        private bool _final;
        private bool _started;
        private JsonReaderState _state;

        public JsonStreamReader(Stream stream) => _stream = stream;

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
                Refill();
            }
        }

        /// <summary>After <see cref="Read"/> stopped on a StartObject/StartArray, skips to its end token by token.</summary>
        public void SkipChildren()
        {
            if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                return;
            int depth = Depth;
            while (true)
            {
                var reader = NewReader();
                bool done = false;
                while (reader.Read())
                {
                    if (reader.CurrentDepth == depth
                        && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                    {
                        done = true;
                        break;
                    }
                }

                Commit(ref reader);
                if (done)
                {
                    TokenType = reader.TokenType;
                    Depth = depth;
                    String = null;
                    return;
                }

                if (_final)
                    throw new JsonException("The JSON ends inside an object or array.");
                Refill();
            }
        }

        /// <summary>
        /// Reads the next value whole and returns a copy of its bytes; null when the next token ends the enclosing
        /// array. Used for one feature at a time (AOIs on import, result features on save).
        /// </summary>
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
                        var bytes = _buffer.AsSpan(_start + valueStart, (int)reader.BytesConsumed - valueStart).ToArray();
                        TokenType = reader.TokenType;
                        Depth = reader.CurrentDepth;
                        String = null;
                        Commit(ref reader);
                        return bytes;
                    }
                }

                // Not all of the value is buffered: nothing was committed, so refill and read it again from its start.
                if (_final)
                    throw new JsonException("The JSON ends inside a value.");
                Refill();
            }
        }

        private Utf8JsonReader NewReader()
        {
            if (!_started)
            {
                _started = true;
                Refill();
                SkipByteOrderMark();
            }

            return new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        }

        private void Commit(ref Utf8JsonReader reader)
        {
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        private void Refill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
                Array.Resize(ref _buffer, _buffer.Length * 2);

            while (_end < _buffer.Length)
            {
                int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0)
                {
                    _final = true;
                    return;
                }

                _end += read;
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
}
