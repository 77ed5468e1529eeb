namespace Gv2Edge.Tws.Protocol.Tests;

public class MessageWriterTests
{
    [Fact]
    public void Request_strings_accept_tab_and_line_breaks_like_the_official_client()
    {
        var w = new MessageWriter();
        w.Write("a\tb\r\nc");
        Assert.Equal("a\tb\r\nc|", Wire.Show(w.ToArray()));
    }

    [Theory]
    [InlineData("nul\0inside")]
    [InlineData("bell\u0007")]
    [InlineData("del\u007f")]
    [InlineData("é")]
    public void Request_strings_refuse_other_characters(string text)
        => Assert.Throws<ProtocolException>(() => new MessageWriter().Write(text));

    [Fact]
    public void Server_text_may_be_any_unicode_but_never_a_NUL()
    {
        var w = new MessageWriter();
        w.WriteText("中文 é");
        Assert.Equal("中文 é|", Wire.Show(w.ToArray()));
        Assert.Throws<ProtocolException>(() => w.WriteText("a\0b"));
    }
}
