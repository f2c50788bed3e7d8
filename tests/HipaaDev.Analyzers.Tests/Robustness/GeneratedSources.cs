using System.Text;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>Large and deeply nested inputs, generated so their size is a parameter rather than pasted text.</summary>
internal static class GeneratedSources
{
    /// <summary>One method of <paramref name="statements"/> statements that keep passing PHI along and send it at the end.</summary>
    public static string LongMethod(int statements)
    {
        var body = new StringBuilder();
        body.AppendLine("var text0 = p.Diagnosis;");
        for (var i = 1; i < statements; i++)
        {
            body.AppendLine(i % 3 == 0 ? $"var text{i} = text{i - 1} + \"-\";" : $"var text{i} = text{i - 1}.Trim();");
        }

        return Sender($"MessageResource.Create(to: new PhoneNumber(p.Phone), from: new PhoneNumber(\"+15550100\"), body: text{statements - 1});", body.ToString());
    }

    /// <summary>An interpolated body with <paramref name="holes"/> holes, every tenth of them PHI.</summary>
    public static string HugeInterpolation(int holes)
    {
        var text = new StringBuilder("$\"");
        for (var i = 0; i < holes; i++)
        {
            text.Append(i % 10 == 0 ? "{p.Diagnosis}" : $"{{{i}}}").Append(' ');
        }

        text.Append('"');
        return Sender($"MessageResource.Create(to: new PhoneNumber(p.Phone), from: new PhoneNumber(\"+15550100\"), body: {text});");
    }

    /// <summary>PHI passed through <paramref name="depth"/> immediately invoked lambdas, each nested in the previous one.</summary>
    public static string NestedLambdas(int depth)
    {
        var nested = new StringBuilder("p.Diagnosis");
        for (var i = 0; i < depth; i++)
        {
            nested.Insert(0, $"((System.Func<string, string>)(x{i} => ");
            nested.Append($" + x{i}))(p.Name)");
        }

        return Sender($"var text = {nested};\nMessageResource.Create(to: new PhoneNumber(p.Phone), from: new PhoneNumber(\"+15550100\"), body: text);");
    }

    /// <summary><paramref name="methods"/> methods of <paramref name="statementsEach"/> statements, each sending PHI: a big project.</summary>
    public static string ManySenders(int methods, int statementsEach)
    {
        var members = new StringBuilder();
        for (var m = 0; m < methods; m++)
        {
            members.AppendLine($"public void Send{m}(Clinic.Patient p) {{");
            members.AppendLine("var text0 = p.Diagnosis;");
            for (var i = 1; i < statementsEach; i++)
            {
                members.AppendLine($"var text{i} = i{m % 7} > 0 ? text{i - 1} + p.Name : $\"{{text{i - 1}}} {i}\";");
            }

            members.AppendLine($"MessageResource.Create(to: new PhoneNumber(p.Phone), from: new PhoneNumber(\"+1\"), body: Relay(text{statementsEach - 1}));");
            members.AppendLine("}");
        }

        return $$"""
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            namespace Clinic.Generated
            {
                public sealed class ManySenders
                {
                    private readonly int i0 = 1, i1 = 1, i2 = 1, i3 = 1, i4 = 1, i5 = 1, i6 = 1;
                    private static string Relay(string text) => text.Length > 0 ? Relay(text.Substring(1)) + text[0] : text;
            {{members}}
                }
            }
            """;
    }

    private static string Sender(string send, string before = "") => $$"""
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic.Generated
        {
            public sealed class GeneratedSender
            {
                public void Send(Clinic.Patient p)
                {
        {{before}}
        {{send}}
                }
            }
        }
        """;
}
