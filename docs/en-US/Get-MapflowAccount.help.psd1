@{
    Synopsis    = 'Gets the balance, limits, models and imagery providers of the Mapflow account.'
    Description = @'
Get-MapflowAccount reads the account of the current connection (GET /user/status) afresh on every call: its email, billing type, remaining credits and area, the account's total area quota (AreaLimitKm2), the number of AOIs allowed in one processing, and the models and imagery providers it can use. The area limit of one processing is not the account's: it is the limit of each project's owner, AoiAreaLimitKm2 of Get-MapflowProject.

Start-MapflowProcessing and Get-MapflowModel reuse account data that is at most five minutes old; Get-MapflowAccount refreshes it, so call it after a change in the web app (a new model, a top-up).
'@
    Parameters  = @{
        Session = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'The account. The list view shows Email, BillingType, RemainingCredits, RemainingAreaKm2, AreaLimitKm2, MaxAoisPerProcessing (10 when Mapflow does not say), Models and DataProviders. Models and DataProviders hold the full objects.'
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
            Title   = 'Compare the account''s area quota with the limit of one processing'
            Code    = @'
$account = Get-MapflowAccount
'{0:N0} km2 of the {1:N0} km2 quota left' -f $account.RemainingAreaKm2, $account.AreaLimitKm2
(Get-MapflowProject -Default).AoiAreaLimitKm2
'@
            Remarks = 'AreaLimitKm2 is the account''s total quota. The limit of one processing (and of each polygon''s bounding box) is the project owner''s: AoiAreaLimitKm2 of the project, here the Default project; in a shared project it is the owner''s, not yours. AOIs over it fail with Aoi.AreaTooLarge before anything is sent.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowModel'
        'Start-MapflowProcessing'
    )
}
