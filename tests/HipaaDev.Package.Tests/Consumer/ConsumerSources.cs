using System.Text.RegularExpressions;

namespace HipaaDev.Package.Tests.Consumer;

/// <summary>
/// The throwaway consumer project: a clinic's messaging code using the real Twilio and SendGrid packages and the
/// packed HipaaDev.Analyzers. A <c>/*HIPAA00n*/</c> comment sits directly before each expression where the build
/// must report that rule, so expected lines and columns are read from the sources, never written down.
/// </summary>
internal static partial class ConsumerSources
{
    public const string ProjectName = "Clinic.Messaging";

    /// <summary>The channel policy, so an unlisted channel name (HIPAA003) is reported through the package too.</summary>
    public const string EditorConfig = """
        root = true

        [*.cs]
        hipaa_dev.approved_channels = secure-email, patient-portal
        """;

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["Patient.cs"] = """
            using System;
            using HipaaDev.Annotations;

            namespace Clinic.Messaging;

            public sealed class Patient
            {
                public string MobilePhone { get; init; } = "";

                public string Email { get; init; } = "";

                [Phi]
                public string FullName { get; init; } = "";

                [Phi]
                public string Diagnosis { get; init; } = "";

                public DateTime NextVisit { get; init; }
            }
            """,

        ["AppointmentReminders.cs"] = """
            using System.Threading.Tasks;
            using HipaaDev.Annotations;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;

            namespace Clinic.Messaging;

            /// <summary>Plain SMS: not an approved channel, so only minimum-necessary text may go out.</summary>
            public sealed class AppointmentReminders
            {
                private readonly PhoneNumber _clinicNumber = new("+15550100");

                public MessageResource SendPersonalReminder(Patient patient)
                {
                    var text = $"Hi {patient.FullName}, your visit is on {patient.NextVisit:d}.";
                    return MessageResource.Create(to: new PhoneNumber(patient.MobilePhone), from: _clinicNumber, body: /*HIPAA001*/text);
                }

                public MessageResource SendNeutralReminder(Patient patient) =>
                    MessageResource.Create(
                        to: new PhoneNumber(patient.MobilePhone),
                        from: _clinicNumber,
                        body: $"You have a visit on {patient.NextVisit:d}. Reply STOP to opt out.");

                public MessageResource SendInitialsReminder(Patient patient) =>
                    MessageResource.Create(
                        to: new PhoneNumber(patient.MobilePhone),
                        from: _clinicNumber,
                        body: $"Reminder for {Initials(patient.FullName)}: visit on {patient.NextVisit:d}.");

                public async Task<MessageResource> SendFollowUpAsync(Patient patient) =>
                    await MessageResource.CreateAsync(
                        to: new PhoneNumber(patient.MobilePhone),
                        from: _clinicNumber,
                        body: /*HIPAA001*/"Follow-up about your " + patient.Diagnosis);

                [PhiSanitizer]
                private static string Initials(string name) =>
                    name.Length == 0 ? "" : name.Substring(0, 1) + ".";
            }
            """,

        ["ResultsMailers.cs"] = """
            using System.Threading.Tasks;
            using HipaaDev.Annotations;
            using SendGrid;
            using SendGrid.Helpers.Mail;

            namespace Clinic.Messaging;

            /// <summary>The encrypted results gateway: PHI may be in the body, never in the subject.</summary>
            [ApprovedChannel("secure-email")]
            public sealed class SecureResultsMailer
            {
                private readonly ISendGridClient _client;

                public SecureResultsMailer(ISendGridClient client)
                {
                    _client = client;
                }

                public Task<Response> SendResultsAsync(Patient patient)
                {
                    var message = MailHelper.CreateSingleEmail(
                        new EmailAddress("results@clinic.example"),
                        new EmailAddress(patient.Email),
                        /*HIPAA002*/$"Results for {patient.FullName}",
                        $"Diagnosis: {patient.Diagnosis}",
                        $"<p>Diagnosis: {patient.Diagnosis}</p>");
                    return _client.SendEmailAsync(message);
                }

                public Task<Response> SendNoticeAsync(Patient patient)
                {
                    var message = MailHelper.CreateSingleEmail(
                        new EmailAddress("results@clinic.example"),
                        new EmailAddress(patient.Email),
                        "New results in your portal",
                        $"Dear {patient.FullName}, your results for {patient.Diagnosis} are ready.",
                        $"<p>Dear {patient.FullName}, your results are ready.</p>");
                    return _client.SendEmailAsync(message);
                }
            }

            /// <summary>Ordinary marketing email: no PHI allowed anywhere.</summary>
            public sealed class NewsletterMailer
            {
                public SendGridMessage Compose(Patient patient)
                {
                    var message = new SendGridMessage { Subject = "Your monthly update" };
                    message.AddTo(patient.Email);
                    message.PlainTextContent = /*HIPAA001*/"Tips for living with " + patient.Diagnosis;
                    message.HtmlContent = "<p>See the portal for details.</p>";
                    return message;
                }

                [/*HIPAA003*/ApprovedChannel("fax-gateway")]
                public SendGridMessage ComposeFax(Patient patient) =>
                    MailHelper.CreateSingleEmail(
                        new EmailAddress("fax@clinic.example"),
                        new EmailAddress(patient.Email),
                        "Fax cover",
                        /*HIPAA001*/patient.Diagnosis,
                        "<p>Fax</p>");
            }
            """,
    };

    /// <summary>Every <c>/*ID*/</c> marker: the file, the rule, and the 1-based line and column of what follows it.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> Expected() =>
        Files
            .SelectMany(file => file.Value.Split('\n').SelectMany((line, index) => Marker().Matches(line).Select(match =>
                new ExpectedDiagnostic(file.Key, match.Groups["id"].Value, index + 1, match.Index + match.Length + 1))))
            .ToList();

    [GeneratedRegex(@"/\*(?<id>HIPAA\d{3})\*/")]
    private static partial Regex Marker();
}

/// <summary>A diagnostic the consumer build must report.</summary>
internal sealed record ExpectedDiagnostic(string FileName, string Id, int Line, int Column)
{
    public override string ToString() => $"{FileName}({Line},{Column}): {Id}";
}
