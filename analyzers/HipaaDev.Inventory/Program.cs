using HipaaDev.Inventory;

return InventoryCommand.Run(args, Console.Out, Console.Error);
