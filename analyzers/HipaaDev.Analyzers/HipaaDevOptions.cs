using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using HipaaDev.Analyzers.Flow;

namespace HipaaDev.Analyzers
{
    /// <summary>
    /// The analyzer's settings, read from <c>.editorconfig</c> / <c>.globalconfig</c>. Project-wide keys are read
    /// from the global options, then from the options of the project's first source file.
    /// </summary>
    internal sealed class HipaaDevOptions
    {
        public const string MaxCallDepthKey = "hipaa_dev.max_call_depth";
        public const string AnalyzeGeneratedCodeKey = "hipaa_dev.analyze_generated_code";
        public const string DataClassificationIsPhiKey = "hipaa_dev.data_classification_is_phi";

        private HipaaDevOptions(ChannelPolicy policy, string? rawPolicy, int maxCallDepth, bool analyzeGeneratedCode, bool dataClassificationIsPhi)
        {
            Policy = policy;
            RawPolicy = rawPolicy;
            MaxCallDepth = maxCallDepth;
            AnalyzeGeneratedCode = analyzeGeneratedCode;
            DataClassificationIsPhi = dataClassificationIsPhi;
        }

        public ChannelPolicy Policy { get; }

        /// <summary>The policy value as written, for diagnostics about it; null when the key is absent.</summary>
        public string? RawPolicy { get; }

        public int MaxCallDepth { get; }

        public bool AnalyzeGeneratedCode { get; }

        public bool DataClassificationIsPhi { get; }

        public static HipaaDevOptions Read(Compilation compilation, AnalyzerOptions options)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            string? Value(string key)
            {
                if (provider.GlobalOptions.TryGetValue(key, out var global))
                {
                    return global;
                }

                foreach (var tree in compilation.SyntaxTrees)
                {
                    return provider.GetOptions(tree).TryGetValue(key, out var local) ? local : null;
                }

                return null;
            }

            var rawPolicy = Value(ChannelPolicy.OptionKey);
            var policy = rawPolicy is null ? ChannelPolicy.AcceptAll : ChannelPolicy.FromList(ChannelPolicy.Parse(rawPolicy));

            var depth = PhiFlowSession.DefaultMaxCallDepth;
            if (int.TryParse(Value(MaxCallDepthKey), out var parsedDepth) && parsedDepth >= 0)
            {
                depth = Math.Min(parsedDepth, 10);
            }

            return new HipaaDevOptions(
                policy,
                rawPolicy,
                depth,
                analyzeGeneratedCode: IsTrue(Value(AnalyzeGeneratedCodeKey), defaultValue: false),
                dataClassificationIsPhi: IsTrue(Value(DataClassificationIsPhiKey), defaultValue: true));
        }

        private static bool IsTrue(string? value, bool defaultValue) =>
            bool.TryParse(value?.Trim(), out var parsed) ? parsed : defaultValue;
    }
}
