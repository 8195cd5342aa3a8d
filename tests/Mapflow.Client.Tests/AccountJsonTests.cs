using System.Text.Json;
using Xunit;

namespace Mapflow.Client.Tests;

public class AccountJsonTests
{
    [Theory]
    [InlineData("\"CREDITS\"", "CREDITS")]
    [InlineData("0", "0")]
    [InlineData("null", null)]
    public void Billing_type_is_read_as_a_string_or_a_number(string json, string? expected) =>
        Assert.Equal(expected, JsonSerializer.Deserialize<Account>($$"""{"email":"a@b.c","billingType":{{json}},"remainingCredits":250}""", MapflowJson.Options)!.BillingType);
}
