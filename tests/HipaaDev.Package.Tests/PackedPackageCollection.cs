namespace HipaaDev.Package.Tests;

/// <summary>Shares one pack and one consumer build (about half a minute) between the layout and consumer tests.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed package";
}
