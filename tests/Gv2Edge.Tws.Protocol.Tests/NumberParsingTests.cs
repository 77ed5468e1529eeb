using System.Globalization;
using CsCheck;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>The single-pass number parsers agree with the framework's parsers on every input they accept.</summary>
public class NumberParsingTests
{
    private static double ReadDouble(string field)
    {
        var r = new FieldReader(Wire.Payload(field));
        return r.ReadDouble();
    }

    [Fact]
    public void Doubles_read_exactly_as_double_Parse_reads_them()
    {
        Gen.Select(Gen.Long[-99_999_999_999_999, 99_999_999_999_999], Gen.Int[0, 25]).Sample((mantissa, scale) =>
        {
            string text = (mantissa / Math.Pow(10, scale)).ToString("R", CultureInfo.InvariantCulture);
            decimal d = mantissa;
            string exact = scale <= 20 ? (d / (decimal)Math.Pow(10, scale)).ToString(CultureInfo.InvariantCulture) : text;
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), ReadDouble(text));
            Assert.Equal(double.Parse(exact, CultureInfo.InvariantCulture), ReadDouble(exact));
        }, iter: 20_000);
        Gen.Double.Sample(x =>
        {
            string text = x.ToString("R", CultureInfo.InvariantCulture);
            Assert.Equal(x, ReadDouble(text));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("0", 0d)]
    [InlineData("-0.5", -0.5)]
    [InlineData(".25", 0.25)]
    [InlineData("185.", 185d)]
    [InlineData("1E-05", 1e-5)]
    [InlineData("1.7976931348623157E+308", double.MaxValue)]
    [InlineData("12345678901234567890123", 12345678901234567890123d)]
    [InlineData("0.00000000000000000000000001", 1e-26)]
    public void Unusual_doubles_fall_back_to_the_general_parser(string text, double expected)
        => Assert.Equal(expected, ReadDouble(text));

    [Fact]
    public void Ints_and_sizes_agree_with_the_framework()
    {
        Gen.Int.Sample(i =>
        {
            var r = new FieldReader(Wire.Payload(i.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(i, r.ReadInt());
        }, iter: 20_000);
        Gen.Long[0, long.MaxValue].Sample(l =>
        {
            var r = new FieldReader(Wire.Payload(l.ToString(CultureInfo.InvariantCulture)));
            decimal? expected = l is int.MaxValue or long.MaxValue ? null : l;
            Assert.Equal(expected, r.ReadDecimal());
        }, iter: 20_000);
    }
}
