using System.Collections.Generic;
using System.Threading;
using HipaaDev.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// Code blocks that wait for the helpers they may call to be handed out by the compiler. The compiler binds each block before
/// it hands it to the analyzers (their operation actions need it), so a helper read after that costs a cache lookup;
/// read before, its binding is charged to this analyzer and the compiler's own pass later finds it done. Binding
/// helpers the compiler had not reached yet was a third of this analyzer's time in a build.
/// <para>
/// What a block waits for is read from its text by the <see cref="SendIndex"/>: the blocks of this compilation declared
/// under a name it mentions. That takes in a namesake it does not call, which only makes it wait longer; walking its
/// operation tree to find the exact targets cost more than the rest of the wait. Blocks are known by the syntax the
/// compiler hands out, so a partial method is its implementation and an expression-bodied property is one block.
/// </para>
/// <para>
/// A waiting block is analysed when its helper arrives, and its findings are reported when its own file's analysis
/// ends (its semantic-model action), so they stay local to the file: a code fix and the IDE only take those. A block
/// still waiting then is analysed there: its helper may be in a file the run does not analyse (the IDE analyses the
/// open file; a file where every rule is off is skipped). Waiting changes when a block is analysed, never what it finds.
/// </para>
/// </summary>
internal sealed class WaitingBlocks
{
    private readonly object _gate = new object();
    private readonly HashSet<SyntaxNode> _arrived = new HashSet<SyntaxNode>();

    // Parked blocks by the helper they wait for; every block not reported yet by its file, parked or analysed.
    private readonly Dictionary<SyntaxNode, List<Block>> _byHelper = new Dictionary<SyntaxNode, List<Block>>();
    private readonly Dictionary<SyntaxTree, List<Block>> _byFile = new Dictionary<SyntaxTree, List<Block>>();
    private readonly HashSet<SyntaxTree> _finishedFiles = new HashSet<SyntaxTree>();

    /// <summary>The compiler handed out <paramref name="codeBlock"/>: the blocks that waited for it, if any.</summary>
    public List<Block>? Arrive(SyntaxNode codeBlock)
    {
        lock (_gate)
        {
            _arrived.Add(codeBlock);
            if (!_byHelper.TryGetValue(codeBlock, out var released))
            {
                return null;
            }

            _byHelper.Remove(codeBlock);
            return released;
        }
    }

    /// <summary>
    /// Parks <paramref name="block"/> until the next of its <see cref="Block.Helpers"/> not handed out yet arrives. False
    /// when it has to be analysed now: every helper has arrived, or the block's file has finished. A block released by
    /// one helper goes on to the next, so its tree is walked once however many helpers it waits for.
    /// </summary>
    public bool TryWait(Block block)
    {
        lock (_gate)
        {
            if (_finishedFiles.Contains(block.File))
            {
                return false;
            }

            for (var helpers = block.Helpers!; block.NextHelper < helpers.Count; block.NextHelper++)
            {
                var key = helpers[block.NextHelper];
                if (_arrived.Contains(key))
                {
                    continue;
                }

                if (block.Helper is null)
                {
                    Add(_byFile, block.File, block);
                }

                block.Helper = key;
                Add(_byHelper, key, block);
                return true;
            }

            return false;
        }
    }

    /// <summary>
    /// The analysis of <paramref name="file"/> has ended: its blocks that waited, analysed or still parked, to report now.
    /// Later blocks of it are analysed and reported at once.
    /// </summary>
    public List<Block>? Finish(SyntaxTree file)
    {
        lock (_gate)
        {
            _finishedFiles.Add(file);
            if (!_byFile.TryGetValue(file, out var blocks))
            {
                return null;
            }

            _byFile.Remove(file);
            foreach (var block in blocks)
            {
                if (_byHelper.TryGetValue(block.Helper!, out var parked) && parked.Remove(block) && parked.Count == 0)
                {
                    _byHelper.Remove(block.Helper!);
                }
            }

            return blocks;
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<Block>> map, TKey key, Block block)
        where TKey : class
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<Block>();
        }

        list.Add(block);
    }

    /// <summary>A code block that mentions a hot name: its operation trees, and its findings once analysed.</summary>
    internal sealed class Block
    {
        private readonly PhiFlowSession _session;
        private List<Diagnostic>? _findings;

        public Block(ISymbol owner, SyntaxNode codeBlock, List<IOperation> roots, PhiFlowSession session)
        {
            Owner = owner;
            CodeBlock = codeBlock;
            Roots = roots;
            _session = session;
        }

        public ISymbol Owner { get; }

        /// <summary>The declaration the compiler handed out.</summary>
        public SyntaxNode CodeBlock { get; }

        public SyntaxTree File => CodeBlock.SyntaxTree;

        public List<IOperation> Roots { get; }

        /// <summary>The helper it waits or waited for (the key it is parked under); null until it first waits.</summary>
        public SyntaxNode? Helper { get; set; }

        /// <summary>The helpers it may call (<see cref="SendIndex.BlocksNamedIn"/>), once listed, and the next one to wait for.</summary>
        public List<SyntaxNode>? Helpers { get; set; }

        public int NextHelper { get; set; }

        /// <summary>
        /// What the block reports, analysed on the first request. The thread that releases it and the one that reports it
        /// with its file may ask at once: both get the answer published first (the analysis is deterministic, so a rare
        /// second run only costs time), and an analysis cancelled with its run is not kept for the next run.
        /// </summary>
        public List<Diagnostic> Findings(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _findings) is { } found)
            {
                return found;
            }

            Interlocked.CompareExchange(ref _findings, PhiFlowAnalyzer.FindingsOf(this, _session, cancellationToken), null);
            return _findings!;
        }
    }
}
