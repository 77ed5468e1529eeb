namespace Gv2Edge.Tws.Protocol.Tests;

public class FieldReaderTests
{
    private static FieldReader Reader(params string[] fields) => new(Wire.Payload(fields));

    [Theory]
    [InlineData("Connexion \\u00e0 la ferme", "Connexion à la ferme")]
    [InlineData("\\u4e2d\\u6587", "中文")]
    [InlineData("\\u00E9t\\u00e9", "été")]
    [InlineData("no escapes", "no escapes")]
    [InlineData("bad \\uZZZZ kept", "bad \\uZZZZ kept")]
    [InlineData("short \\u00e", "short \\u00e")]
    [InlineData("trailing \\", "trailing \\")]
    [InlineData("", "")]
    public void Escaped_strings_are_unescaped_and_bad_escapes_kept_verbatim(string wire, string text)
    {
        FieldReader r = Reader(wire);
        Assert.Equal(text, r.ReadEscapedString());
    }

    [Fact]
    public void Escaping_then_unescaping_gives_the_text_back()
    {
        var w = new MessageWriter();
        w.WriteEscaped("Café ☕ 中 \u0001");
        Assert.Equal("Caf\\u00e9 \\u2615 \\u4e2d \\u0001|", Wire.Show(w.ToArray()));
        var r = new FieldReader(w.WrittenSpan);
        Assert.Equal("Café ☕ 中 \u0001", r.ReadEscapedString());
    }

    [Fact]
    public void Infinity_is_read_in_the_official_and_the_ib_async_spelling()
    {
        FieldReader r = Reader("Infinity", "-Infinity", "Infinite", "Infinity");
        Assert.Equal(double.PositiveInfinity, r.ReadDouble());
        Assert.Equal(double.NegativeInfinity, r.ReadDouble());
        Assert.Equal(double.PositiveInfinity, r.ReadDouble());
        Assert.Equal(double.PositiveInfinity, r.ReadDoubleMax());
    }

    [Fact]
    public void Infinity_is_written_as_Infinity_and_unset_as_an_empty_field()
    {
        var w = new MessageWriter();
        w.Write(double.PositiveInfinity);
        w.WriteMax(double.PositiveInfinity);
        w.WriteMax((double?)null);
        w.WriteMax(double.MaxValue);
        w.WriteMax((int?)null);
        w.WriteMax(int.MaxValue);
        w.Write((decimal?)null);
        w.WriteMax(-1);
        Assert.Equal("Infinity|Infinity||||||-1|", Wire.Show(w.ToArray()));
    }

    [Fact]
    public void Unset_sentinels_read_as_null_and_empty_plain_numbers_as_zero()
    {
        FieldReader r = Reader("", "2147483647", "", "1.7976931348623157E308", "1.7976931348623157E+308", "", "", "", "9223372036854775807", "-9223372036854775808", "12.5");
        Assert.Null(r.ReadIntMax());
        Assert.Null(r.ReadIntMax());
        Assert.Null(r.ReadDoubleMax());
        Assert.Null(r.ReadDoubleMax());
        Assert.Null(r.ReadDoubleMax());
        Assert.Equal(0, r.ReadInt());
        Assert.Equal(0d, r.ReadDouble());
        Assert.Equal(0L, r.ReadLong());
        Assert.Null(r.ReadDecimal());
        Assert.Null(r.ReadDecimal());
        Assert.Equal(12.5m, r.ReadDecimal());
        Assert.False(r.HasMore);
    }

    [Theory]
    [InlineData("12x")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Malformed_ints_are_ProtocolExceptions(string field)
        => Assert.Throws<ProtocolException>(() => Reader(field).ReadInt());

    [Fact]
    public void Reading_past_the_end_or_an_unterminated_field_is_a_ProtocolException()
    {
        Assert.Throws<ProtocolException>(() => new FieldReader("1\0"u8).Skip(2));
        Assert.Throws<ProtocolException>(() => new FieldReader("12"u8).ReadInt());
    }

    [Fact]
    public void Bools_read_from_ints_and_words()
    {
        FieldReader r = Reader("1", "0", "", "2", "true", "false");
        Assert.Equal([true, false, false, true, true, false], [r.ReadBool(), r.ReadBool(), r.ReadBool(), r.ReadBool(), r.ReadBool(), r.ReadBool()]);
    }
}
