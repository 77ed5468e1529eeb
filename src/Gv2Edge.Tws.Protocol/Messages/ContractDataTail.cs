namespace Gv2Edge.Tws.Protocol.Messages;

/// <summary>Writes the version-gated tail of contractData, from aggGroup on (see <see cref="ContractData"/>).</summary>
internal static class ContractDataTail
{
    public static void Write(MessageWriter writer, int serverVersion, ContractDetails d)
    {
        writer.Write(d.AggGroup);
        writer.WriteText(d.UnderSymbol);
        writer.WriteText(d.UnderSecType);
        writer.WriteText(d.MarketRuleIds);
        writer.WriteText(d.RealExpirationDate);
        writer.WriteText(d.StockType);
        if (serverVersion == ServerVersions.FractionalSizeSupport)
        {
            writer.Write(d.SizeMinTick);
        }

        if (serverVersion >= ServerVersions.SizeRules)
        {
            writer.Write(d.MinSize);
            writer.Write(d.SizeIncrement);
            writer.Write(d.SuggestedSizeIncrement);
        }

        if (serverVersion >= ServerVersions.FundDataFields && d.Contract.SecType == "FUND")
        {
            WriteFund(writer, d.Fund ?? new FundData());
        }

        if (serverVersion >= ServerVersions.IneligibilityReasons)
        {
            writer.Write(d.IneligibilityReasons.Count);
            foreach (IneligibilityReason r in d.IneligibilityReasons)
            {
                writer.WriteText(r.Id);
                writer.WriteText(r.Description);
            }
        }
    }

    private static void WriteFund(MessageWriter writer, FundData f)
    {
        writer.WriteText(f.FundName);
        writer.WriteText(f.FundFamily);
        writer.WriteText(f.FundType);
        writer.WriteText(f.FundFrontLoad);
        writer.WriteText(f.FundBackLoad);
        writer.WriteText(f.FundBackLoadTimeInterval);
        writer.WriteText(f.FundManagementFee);
        writer.Write(f.FundClosed);
        writer.Write(f.FundClosedForNewInvestors);
        writer.Write(f.FundClosedForNewMoney);
        writer.WriteText(f.FundNotifyAmount);
        writer.WriteText(f.FundMinimumInitialPurchase);
        writer.WriteText(f.FundSubsequentMinimumPurchase);
        writer.WriteText(f.FundBlueSkyStates);
        writer.WriteText(f.FundBlueSkyTerritories);
        writer.WriteText(f.FundDistributionPolicyIndicator);
        writer.WriteText(f.FundAssetType);
    }
}
