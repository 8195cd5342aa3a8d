@{
    Synopsis    = 'Gets the balance, limits, models and imagery providers of the Mapflow account.'
    Description = @'
Get-MapflowAccount reads the account of the current connection (GET /user/status) afresh on every call: its email, billing type, remaining credits and area, the area limit of one processing, the number of AOIs allowed in one processing, and the models and imagery providers it can use.

Start-MapflowProcessing and Get-MapflowModel reuse account data that is at most five minutes old; Get-MapflowAccount refreshes it, so call it after a change in the web app (a new model, a top-up).
'@
    Parameters  = @{
        Session = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'The account. The list view shows Email, BillingType, RemainingCredits, RemainingAreaKm2, AoiAreaLimitKm2, MaxAoisPerProcessing (10 when Mapflow does not say), Models and DataProviders. Models and DataProviders hold the full objects.'
    Examples    = @(
        @{
            Title   = 'See the account'
            Code    = 'Get-MapflowAccount'
            Remarks = 'Shows the email, the billing type, the remaining credits and area, the limits, and the names of the models and imagery providers.'
        }
        @{
            Title   = 'Stop a monthly run early when the balance is low'
            Code    = @'
$account = Get-MapflowAccount
if ($account.RemainingCredits -lt 500) {
    throw "Only $($account.RemainingCredits) credits left: top up before the monthly run."
}
Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings
'@
            Remarks = 'RemainingCredits is empty for accounts that are not billed in credits; BillingType says how the account is billed.'
        }
        @{
            Title   = 'List the imagery providers for -DataProvider'
            Code    = '(Get-MapflowAccount).DataProviders | Select-Object Name, DisplayName, MinAreaSqKm'
            Remarks = 'The Name column is what Start-MapflowProcessing -DataProvider takes. Without -DataProvider, the first provider of this list is used.'
        }
        @{
            Title   = 'Check that AOIs fit the area limit before starting them'
            Code    = @'
$limit = (Get-MapflowAccount).AoiAreaLimitKm2
Import-MapflowAoi places.geojson | Where-Object AreaKm2 -gt $limit |
    Select-Object Index, Name, AreaKm2
'@
            Remarks = 'AOIs larger than the limit would fail with MapflowApi.TooLargeProcessing. Mapflow also checks each polygon''s longitude/latitude bounding box against the same limit, so a long diagonal shape can fail while its own area is small.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowModel'
        'Start-MapflowProcessing'
    )
}
