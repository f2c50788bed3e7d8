using System.Security.Cryptography;
using System.Text;

namespace HipaaDev.Site;

/// <summary>
/// SHA-256 over a sequence of inputs, each prefixed with its length so that ("ab", "c") and ("a", "bc") differ. The
/// stages key what they keep between rebuilds by these hashes: equal inputs, equal output.
/// </summary>
public static class ContentHash
{
    public static string Of(IEnumerable<string?> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            // A null part is not an empty one: -1 as its length.
            var bytes = part is null ? [] : Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(part is null ? -1 : bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static string Of(params string?[] parts) => Of((IEnumerable<string?>)parts);

    public static string Of(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
