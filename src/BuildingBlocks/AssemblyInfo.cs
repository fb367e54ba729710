namespace CareForAll.BuildingBlocks;

/// <summary>Marker for the building blocks assembly.</summary>
public static class BuildingBlocksAssembly;
