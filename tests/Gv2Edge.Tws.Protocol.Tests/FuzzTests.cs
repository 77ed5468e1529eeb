using CsCheck;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Tws.Protocol.Tests;

/// <summary>Hostile input: random or damaged payloads end in a message or a ProtocolException, never anything else.</summary>
public class FuzzTests
{
    private static readonly string[] Ids = ["1", "2", "4", "9", "10", "15", "17", "20", "21", "45", "46", "49", "52", "57", "58", "75", "76", "81", "88", "90", "99", "102"];

    private static readonly string[] RequestIds = ["1", "2", "5", "6", "7", "8", "9", "15", "16", "17", "20", "22", "23", "25", "49", "59", "61", "71", "76", "78", "87", "90", "97", "98", "99"];

    private static void DecodeBoth(byte[] payload, int v)
    {
        var r = new Recorder();
        try
        {
            IncomingDecoder.Decode(payload, v, r);
        }
        catch (ProtocolException)
        {
        }

        try
        {
            RequestDecoder.Decode(payload, v, r);
        }
        catch (ProtocolException)
        {
        }
    }

    [Fact]
    public void Random_bytes_never_throw_anything_but_ProtocolException()
        => Gen.Select(Gen.Byte.Array[0, 300], Gens.Version).Sample((bytes, v) => DecodeBoth(bytes, v), iter: 20_000);

    [Fact]
    public void Random_fields_after_a_known_id_never_throw_anything_but_ProtocolException()
    {
        Gen<string> field = Gen.OneOf(
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Int[-3, 40].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Const(""), Gen.Const("FUND"), Gen.Const("BAG"), Gen.Const("1e400"), Gen.Const("-"), Gen.Const("\\u12"), Gen.Const("Infinity"),
            Gens.Text);
        Gen.Select(Gen.OneOf<string>([.. Ids, .. RequestIds]), field.Array[0, 60], Gens.Version, Gen.Bool)
            .Sample((id, fields, v, truncate) =>
            {
                byte[] payload = Wire.Payload([id, .. fields]);
                DecodeBoth(truncate && payload.Length > 1 ? payload[..^1] : payload, v);
            }, iter: 20_000);
    }

    [Fact]
    public void A_huge_repeat_count_is_rejected_before_allocating()
    {
        byte[] payload = Wire.Payload("17", "6", "a", "b", "2000000000");
        Assert.Throws<ProtocolException>(() => IncomingDecoder.Decode(payload, 187, new Recorder()));
        Assert.Throws<ProtocolException>(() => IncomingDecoder.Decode(Wire.Payload("75", "5", "SMART", "1", "A", "100", "-1"), 187, new Recorder()));
    }

    [Fact]
    public void A_truncated_message_is_a_ProtocolException()
    {
        byte[] full = Wire.Encode(w => new TickPrice(1, 1, 1.5, 1m, 0).Encode(w, 187));
        for (int n = 0; n < full.Length; n++)
        {
            byte[] cut = full[..n];
            Assert.Throws<ProtocolException>(() => IncomingDecoder.Decode(cut, 187, new Recorder()));
        }
    }
}
