using System.Security.Cryptography;
using System.Text;

namespace Mapflow.Emulator.State;

/// <summary>A configured user. The API token is base64("email:secret"), exactly as Mapflow issues it (§1.2).</summary>
internal sealed record UserAccount(Guid Id, string Email, string Secret)
{
    public string Token => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Secret}"));

    /// <summary>Parses <c>email:secret;email2:secret2</c>. Ids derive from the email so they survive a reset.</summary>
    public static IReadOnlyList<UserAccount> ParseList(string users)
    {
        var list = new List<UserAccount>();
        foreach (var entry in users.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':');
            if (colon <= 0 || colon == entry.Length - 1)
                throw new ArgumentException($"Emulator:Users entry '{entry}' is not email:secret");
            var email = entry[..colon];
            list.Add(new UserAccount(new Guid(MD5.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant()))), email, entry[(colon + 1)..]));
        }
        return list.Count > 0 ? list : throw new ArgumentException("Emulator:Users lists no user");
    }
}
