using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.State;

namespace Mapflow.Emulator.Views;

/// <summary>
/// <c>GET /user/status</c>: the flat shape every client reads (§4.2), not the nested one of the 2026 docs. It has
/// <c>areaLimit</c>, the account's total quota, and no <c>aoiAreaLimit</c>: the limit of one processing is the project
/// owner's, in each project (§11.1).
/// </summary>
internal sealed record UserStatusDto(
    string Email,
    string BillingType,
    int RemainingCredits,
    long RemainingArea,
    long ProcessedArea,
    long AreaLimit,
    int MaxAoisPerProcessing,
    long MemoryLimit,
    long TemplateAreaLimit,
    long SearchAreaLimit,
    bool ReviewWorkflowEnabled,
    IReadOnlyList<WorkflowDef> Models,
    IReadOnlyList<DataProvider> DataProviders,
    IReadOnlyList<DataProvider> SearchDataProviders,
    IReadOnlyList<object> Teams);

internal static class UserStatusView
{
    private const long MemoryLimit = 1L << 30;
    private const long TemplateAreaLimit = 500_000_000;

    public static UserStatusDto From(Account account, EmulatorConfig config) => new(
        account.User.Email,
        "CREDITS",
        account.RemainingCredits,
        Math.Max(config.AccountAreaLimit - account.ProcessedArea, 0),
        account.ProcessedArea,
        config.AccountAreaLimit,
        config.MaxAoisPerProcessing,
        MemoryLimit,
        TemplateAreaLimit,
        Endpoints.CatalogSearchEndpoints.SearchAreaLimit,
        config.ReviewWorkflowEnabled,
        WorkflowDefs.All,
        DataProviders.All,
        ImageCatalog.Providers,
        []);
}
