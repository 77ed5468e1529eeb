using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Tws.Tests.Unit;

public class TwsErrorCodesTests
{
    // Every code listed in tws-protocol.md §6, plus 326 (client id in use).
    public static TheoryData<int> DocumentedCodes => new(
    [
        100, 101, 102, 162, 165, 166, 200, 300, 321, 322, 326, 354, 414, 420, 502, 503, 504, 506, 507,
        1100, 1101, 1102, 1300, 2103, 2104, 2105, 2106, 2107, 2108, 2109, 2119, 2137, 2157, 2158,
        10089, 10090, 10091, 10167, 10168, 10182, 10186, 10190, 10197, 10225,
    ]);

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public void Every_documented_code_has_its_own_entry_with_a_hint(int code)
    {
        Assert.Contains(code, TwsErrorCodes.KnownCodes);
        TwsErrorInfo info = TwsErrorCodes.Lookup(code);
        Assert.Equal(code, info.Code);
        Assert.NotEqual("Unknown", info.Name);
        Assert.False(string.IsNullOrWhiteSpace(info.Hint));
    }

    [Theory]
    [InlineData(10167)]
    [InlineData(10090)]
    [InlineData(10091)]
    public void Market_data_advisories_keep_the_stream(int code)
    {
        Assert.True(TwsErrorCodes.Lookup(code).KeepsRequest);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(162)]
    [InlineData(354)]
    [InlineData(10168)]
    public void Request_errors_fail_the_request(int code)
    {
        Assert.False(TwsErrorCodes.Lookup(code).KeepsRequest);
    }

    [Fact]
    public void Unknown_codes_follow_IBs_warning_range()
    {
        Assert.Equal(TwsErrorSeverity.Warning, TwsErrorCodes.Lookup(2199).Severity);
        Assert.Equal(TwsErrorSeverity.Error, TwsErrorCodes.Lookup(9999).Severity);
    }

    [Fact]
    public void Client_id_in_use_hint_names_the_next_id()
    {
        string hint = TwsErrorCodes.ClientIdInUseHint(7);
        Assert.Contains("7", hint, StringComparison.Ordinal);
        Assert.Contains("8", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_carries_code_request_and_hint()
    {
        var ex = new TwsException(200, "No security definition has been found", requestId: 42);
        Assert.Equal(200, ex.Code);
        Assert.Equal(42, ex.RequestId);
        Assert.Equal(TwsErrorCodes.Lookup(200).Hint, ex.Hint);
        Assert.Contains("200", ex.Message, StringComparison.Ordinal);
    }
}
