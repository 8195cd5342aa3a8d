using System;
using System.IO;
using System.Text.Json;

namespace Mapflow.Client.Results;

/// <summary>
/// The checks of <see cref="FeatureCollectionCheck.CountFeatures"/>, fed the bytes as they arrive: a download is
/// hashed, written and checked in the same pass, never read back from disk. Only a token cut by a chunk boundary
/// is carried over, so memory stays at one chunk plus the longest token.
/// </summary>
internal sealed class FeatureCollectionScanner
{
    private byte[] _carry = new byte[4096];
    private int _carried;
    private bool _bomSkipped;
    private JsonReaderState _state;
    private Property _property;
    private bool _started;
    private bool _inFeatures;
    private bool _sawType;
    private bool _sawFeatures;
    private bool _complete;

    private enum Property { Other, Type, Features }

    public long Features { get; private set; }

    /// <exception cref="InvalidDataException">The bytes so far cannot begin a FeatureCollection.</exception>
    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_complete) return;
        if (_carried == 0 && _bomSkipped)
        {
            _carried = Scan(chunk, false);
            if (_carried > 0) Carry(chunk.Slice(chunk.Length - _carried), 0);
            return;
        }
        Carry(chunk, _carried);
        var length = _carried + chunk.Length;
        var start = 0;
        if (!_bomSkipped)
        {
            // Enough bytes to tell a byte order mark, which may come split over chunks like any token.
            if (length < 3) { _carried = length; return; }
            _bomSkipped = true;
            start = StartsWithBom(length) ? 3 : 0;
        }
        var rest = Scan(new ReadOnlySpan<byte>(_carry, start, length - start), false);
        Buffer.BlockCopy(_carry, length - rest, _carry, 0, rest);
        _carried = rest;
    }

    /// <summary>The number of features, once the body has ended.</summary>
    /// <exception cref="InvalidDataException">The body is not a whole FeatureCollection.</exception>
    public long Complete()
    {
        if (!_complete && _carried > 0)
        {
            var start = !_bomSkipped && StartsWithBom(_carried) ? 3 : 0;
            Scan(new ReadOnlySpan<byte>(_carry, start, _carried - start), true);
        }
        if (!_started) throw new InvalidDataException("the body is not a JSON object");
        if (!_complete) throw new InvalidDataException("the body ends before the FeatureCollection is complete");
        if (!_sawType) throw new InvalidDataException("the body has no \"type\": \"FeatureCollection\"");
        if (!_sawFeatures) throw new InvalidDataException("the body has no \"features\" array");
        return Features;
    }

    private bool StartsWithBom(int length) => length >= 3 && _carry[0] == 0xEF && _carry[1] == 0xBB && _carry[2] == 0xBF;

    private void Carry(ReadOnlySpan<byte> bytes, int at)
    {
        if (_carry.Length < at + bytes.Length) Array.Resize(ref _carry, Math.Max(_carry.Length * 2, at + bytes.Length));
        bytes.CopyTo(new Span<byte>(_carry, at, bytes.Length));
    }

    /// <summary>Reads every whole token; returns how many bytes at the end were not (part of a token cut off).</summary>
    private int Scan(ReadOnlySpan<byte> bytes, bool final)
    {
        var reader = new Utf8JsonReader(bytes, final, _state);
        try
        {
            while (!_complete && reader.Read()) Take(ref reader);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("the body is not complete, valid JSON: " + e.Message, e);
        }
        _state = reader.CurrentState;
        return bytes.Length - (int)reader.BytesConsumed;
    }

    private void Take(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        switch (depth)
        {
            case 0 when reader.TokenType == JsonTokenType.StartObject:
                _started = true;
                return;
            case 0 when reader.TokenType == JsonTokenType.EndObject:
                _complete = true;
                return;
            case 0:
                throw new InvalidDataException("the body is not a JSON object");
            case 1 when reader.TokenType == JsonTokenType.PropertyName:
                _property = reader.ValueTextEquals("type") ? Property.Type : reader.ValueTextEquals("features") ? Property.Features : Property.Other;
                return;
            case 1 when _property == Property.Type:
                if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals("FeatureCollection"))
                    throw new InvalidDataException($"the GeoJSON type is '{Text(ref reader)}', not FeatureCollection");
                _sawType = true;
                _property = Property.Other;
                return;
            case 1 when _property == Property.Features && reader.TokenType == JsonTokenType.StartArray:
                _sawFeatures = _inFeatures = true;
                return;
            case 1 when reader.TokenType == JsonTokenType.EndArray:
                _inFeatures = false;
                return;
            case 2 when _inFeatures && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray):
                Features++;
                return;
        }
    }

    private static string Text(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.String ? reader.GetString() ?? "" : reader.TokenType.ToString();
}
