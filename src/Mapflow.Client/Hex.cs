using System;

namespace Mapflow.Client;

/// <summary>Lower-case hex of hashes, as checksums and keys are written everywhere in the module.</summary>
internal static class Hex
{
    public static string Lower(byte[] bytes, int count = -1) =>
        BitConverter.ToString(bytes, 0, count < 0 ? bytes.Length : count).Replace("-", "").ToLowerInvariant();
}
