namespace HipaaDev.Site.Tests.Fixtures;

/// <summary>A small valid site: home, a hub, a topic page with every section, a checklist, a reference and a rule.</summary>
public static class SampleContent
{
    public const string TopicPath = "site/content/guidance/email-rules.md";

    public const string Topic = """
        ---
        title: Email rules for practices
        description: When a practice may email patients and what to check first.
        kind: topic
        summary: Email is allowed with reasonable safeguards. Check the address and keep content minimal.
        order: 1
        nav_title: Email rules
        audience: [Practice managers, Patient access teams]
        last_reviewed: 2025-01-15
        sources:
          - title: Privacy Rule safeguards
            cite: 45 CFR 164.530(c)
          - title: HHS FAQ 570
            url: https://www.hhs.gov/hipaa/for-professionals/faq/570/index.html
            date: 2008-12-15
        related: [/guidance/staff-checklist/]
        redirect_from: [/old/email/, /email-rules/]
        cta:
          text: Decide which channel fits each message.
          label: Open the checklist
          link: /guidance/staff-checklist/
        ---
        Email can carry PHI when the practice takes reasonable safeguards.

        ## Key lessons

        - Verify the address before sending.
        - Send only what the patient needs.

        ## Safeguards

        | Safeguard | Why |
        | --- | --- |
        | Verify address | Prevents misdirected mail |

        ```text
        Subject: Your appointment
        ```

        ## Frequently asked questions

        ### Can we email patients at all?

        Yes, with **reasonable safeguards** (see [the checklist](/guidance/staff-checklist/#before-you-send)).

        ### Do we need encryption?

        It depends on your risk analysis.

        ## Next steps

        - [Staff checklist](/guidance/staff-checklist/)
        - [Glossary](/reference/glossary/#phi)
        """;

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["site/content/index.md"] = """
            ---
            title: Test Site home
            description: The home page of the test site.
            kind: home
            ---
            Welcome. Start with [the guidance](/guidance/).
            """,
        ["site/content/guidance/index.md"] = """
            ---
            title: Guidance
            description: Everything about messaging rules.
            kind: hub
            order: 1
            ---
            Pick a topic below.
            """,
        [TopicPath] = Topic,
        ["site/content/guidance/staff-checklist.md"] = """
            ---
            title: Staff checklist before sending
            description: What staff check before an email or text leaves the practice.
            kind: checklist
            summary: Five checks before you press send. Print it for the front desk.
            order: 2
            audience: [Front desk staff]
            last_reviewed: 2025-02-01
            sources:
              - title: Privacy Rule safeguards
                cite: 45 CFR 164.530(c)
            ---
            ## Before you send

            - [ ] The address is verified.
            - [ ] The content is the minimum needed.

            ## After you send

            Keep a record.
            """,
        ["site/content/reference/index.md"] = """
            ---
            title: Reference
            description: Look-up material.
            kind: hub
            order: 3
            ---
            Definitions and sources.
            """,
        ["site/content/reference/glossary.md"] = """
            ---
            title: Glossary
            description: Terms used on this site.
            kind: reference
            ---
            ## PHI

            Protected health information.

            ## BAA

            Business associate agreement.
            """,
        ["analyzers/docs/rules/index.md"] = """
            ---
            title: Analyzer rules
            description: Every diagnostic the analyzer reports.
            kind: reference
            ---
            See [HIPAA001](/analyzer/rules/hipaa001/).
            """,
        ["analyzers/docs/rules/HIPAA001.md"] = """
            ---
            title: "HIPAA001: PHI reaches a message body"
            description: PHI flows into the body of an SMS or email outside an approved channel.
            kind: rule
            last_reviewed: 2025-03-01
            ---
            ## Cause

            PHI reaches a message body.

            ## How to fix

            ```csharp
            [ApprovedChannel("secure-email")]
            void Send() { }
            ```
            """,
    };
}
