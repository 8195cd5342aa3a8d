# Writes a small georeferenced GeoTIFF (baseline TIFF, little-endian, one strip of uint8 samples) for the imagery
# tests: ModelPixelScale (33550), ModelTiepoint (33922) and a GeoKeyDirectory (34735) naming the EPSG code, so the
# footprint is [Lon, Lon + Width * PixelSize] x [Lat - Height * PixelSize, Lat]. -Seed varies the pixels (and the sha1).
function New-TestGeoTiff {
    param(
        [Parameter(Mandatory)] [string] $Path,
        [int] $Width = 16, [int] $Height = 16, [int] $Bands = 3,
        [double] $Lon = 37.6, [double] $Lat = 55.8, [double] $PixelSize = 0.0001,
        [int] $Epsg = 4326, [int] $Seed = 1
    )
    $pixels = [byte[]]::new($Width * $Height * $Bands)
    $random = [Random]::new($Seed)
    $random.NextBytes($pixels)
    # (tag, type, values): type 3 SHORT, 4 LONG, 12 DOUBLE. Entries must be sorted by tag.
    $geographic = $Epsg -eq 4326
    $keys = [uint16[]]@(1, 1, 0, 3,
        1024, 0, 1, $(if ($geographic) { 2 } else { 1 }),
        1025, 0, 1, 1,
        $(if ($geographic) { 2048 } else { 3072 }), 0, 1, $Epsg)
    $entries = @(
        , @(256, 4, [uint32[]]@($Width))
        , @(257, 4, [uint32[]]@($Height))
        , @(258, 3, [uint16[]]@(@(8) * $Bands))
        , @(259, 3, [uint16[]]@(1))
        , @(262, 3, [uint16[]]@($(if ($Bands -ge 3) { 2 } else { 1 })))
        , @(273, 4, [uint32[]]@(0))            # strip offset, set below
        , @(277, 3, [uint16[]]@($Bands))
        , @(278, 4, [uint32[]]@($Height))
        , @(279, 4, [uint32[]]@($pixels.Length))
        , @(284, 3, [uint16[]]@(1))
        , @(339, 3, [uint16[]]@(@(1) * $Bands))
        , @(33550, 12, [double[]]@($PixelSize, $PixelSize, 0))
        , @(33922, 12, [double[]]@(0, 0, 0, $Lon, $Lat, 0))
        , @(34735, 3, $keys)
    )
    $size = @{ 3 = 2; 4 = 4; 12 = 8 }
    $ifdLength = 2 + 12 * $entries.Count + 4
    $extra = [IO.MemoryStream]::new()
    $extraStart = 8 + $ifdLength
    $stream = [IO.MemoryStream]::new()
    $w = [IO.BinaryWriter]::new($stream)
    $w.Write([byte[]](0x49, 0x49, 42, 0)); $w.Write([uint32]8)
    $w.Write([uint16]$entries.Count)
    # Values longer than 4 bytes go after the directory, then the pixels.
    $ex = [IO.BinaryWriter]::new($extra)
    $bytesOf = {
        param($type, $values)
        $m = [IO.MemoryStream]::new(); $b = [IO.BinaryWriter]::new($m)
        foreach ($v in $values) { switch ($type) { 3 { $b.Write([uint16]$v) } 4 { $b.Write([uint32]$v) } 12 { $b.Write([double]$v) } } }
        $b.Flush(); , $m.ToArray()
    }
    $total = ($entries | ForEach-Object { $n = $size[$_[1]] * $_[2].Count; if ($n -gt 4) { $n + ($n % 2) } else { 0 } } | Measure-Object -Sum).Sum
    $pixelOffset = $extraStart + $total
    foreach ($e in $entries) {
        $values = if ($e[0] -eq 273) { [uint32[]]@($pixelOffset) } else { $e[2] }
        $bytes = & $bytesOf $e[1] $values
        $w.Write([uint16]$e[0]); $w.Write([uint16]$e[1]); $w.Write([uint32]$values.Count)
        if ($bytes.Length -le 4) { $w.Write($bytes); $w.Write([byte[]]::new(4 - $bytes.Length)) }
        else {
            $w.Write([uint32]($extraStart + $extra.Length)); $ex.Write($bytes)
            if ($bytes.Length % 2) { $ex.Write([byte]0) }
        }
    }
    $w.Write([uint32]0)
    $ex.Flush(); $w.Write($extra.ToArray()); $w.Write($pixels); $w.Flush()
    [IO.File]::WriteAllBytes($Path, $stream.ToArray())
    Get-Item -LiteralPath $Path
}
