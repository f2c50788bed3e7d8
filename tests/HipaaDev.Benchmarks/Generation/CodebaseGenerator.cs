namespace HipaaDev.Benchmarks.Generation;

/// <summary>
/// Writes a healthcare-style C# codebase of a chosen size for the analyzer cost benchmark: per clinic module, models
/// with <c>[Phi]</c> members, scheduling and billing services, a repository and text helpers, and in every second
/// module a notifier that sends through Twilio, SendGrid and MailKit (some sends through a helper, some inside an
/// approved channel, a few with PHI so the analyzer has findings to report). Sends stay rare, as in real code.
/// </summary>
/// <remarks>
/// Modules differ by name, specialty and constants so no two files are identical. The output is deterministic:
/// the same arguments give the same files, so runs on different days measure the same code.
/// </remarks>
public static class CodebaseGenerator
{
    private static readonly string[] s_specialties =
    [
        "Cardiology", "Dermatology", "Pediatrics", "Oncology", "Orthopedics", "Neurology", "Radiology",
        "Obstetrics", "Urology", "Psychiatry", "Endocrinology", "Nephrology", "Rheumatology", "Ophthalmology",
    ];

    /// <summary>Modules until at least <paramref name="targetLines"/> lines, plus one file of <paramref name="callSites"/> calls into one send helper.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(int targetLines, int callSites)
    {
        var files = new List<GeneratedFile>();
        var lines = 0;
        for (var module = 0; lines < targetLines || module == 0; module++)
        {
            foreach (var file in Module(module))
            {
                files.Add(file);
                lines += file.LineCount;
            }
        }

        if (callSites > 0)
        {
            files.Add(CallSiteFile(callSites));
        }

        return files;
    }

    /// <summary>The files of one clinic module; every second module also gets a notifier with sends.</summary>
    public static IEnumerable<GeneratedFile> Module(int index)
    {
        var specialty = s_specialties[index % s_specialties.Length];
        yield return new GeneratedFile($"{specialty}{index}/Models.cs", Models(index, specialty));
        yield return new GeneratedFile($"{specialty}{index}/SchedulingService.cs", Scheduling(index, specialty));
        yield return new GeneratedFile($"{specialty}{index}/BillingService.cs", Billing(index, specialty));
        yield return new GeneratedFile($"{specialty}{index}/PatientRepository.cs", Repository(index, specialty));
        yield return new GeneratedFile($"{specialty}{index}/TextHelpers.cs", Helpers(index, specialty));
        if (index % 2 == 0)
        {
            yield return new GeneratedFile($"{specialty}{index}/Notifier.cs", Notifier(index, specialty));
        }
    }

    /// <summary>Module 0 (the models the call sites use) is not included: pair it with <see cref="Module"/>(0).</summary>
    public static GeneratedFile CallSiteFile(int callSites)
    {
        var body = new System.Text.StringBuilder();
        for (var site = 0; site < callSites; site++)
        {
            // One call in ten carries PHI, the rest are operational texts: the analyzer must follow every one.
            var text = (site % 10) switch
            {
                0 => $"\"Visit {site}: \" + patient.Diagnosis",
                3 => $"$\"Hello {{TextHelpers.Initials(patient.FullName)}}, update {site} is ready\"",
                6 => $"\"Your visit on \" + appointment.Start.ToString(\"d\") + \" (ref {site})\"",
                _ => $"\"Clinic notice {site}: please arrive 10 minutes early\"",
            };
            body.Append("        Notify(patient.MobilePhone, ").Append(text).AppendLine(");");
        }

        var specialty = s_specialties[0];
        var code = $$"""
            using Clinic.{{specialty}}0;
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;

            namespace Clinic.FanOut;

            /// <summary>Many calls into one send helper: the analyzer must summarise the helper once, not per call.</summary>
            public static class ReminderFanOut
            {
                private static void Notify(string phone, string text)
                {
                    MessageResource.Create(to: new PhoneNumber(phone), from: new PhoneNumber("+15005550006"), body: text);
                }

                public static void SendAll(Patient0 patient, Appointment0 appointment)
                {
            {{body}}    }
            }

            """;
        return new GeneratedFile("FanOut/ReminderFanOut.cs", code);
    }

    private static string Models(int i, string specialty) => $$"""
        using HipaaDev.Annotations;

        namespace Clinic.{{specialty}}{{i}};

        public sealed class Patient{{i}}
        {
            public required string Id { get; init; }

            [Phi]
            public required string FullName { get; init; }

            [Phi]
            public DateOnly DateOfBirth { get; init; }

            [Phi]
            public string? Diagnosis { get; set; }

            [Phi]
            public string? MedicalRecordNumber { get; set; }

            public required string MobilePhone { get; init; }

            public required string Email { get; init; }

            public string PlanCode { get; set; } = "{{specialty[..3].ToUpperInvariant()}}-STD";

            public decimal DeductibleMet { get; set; }

            public List<Allergy{{i}}> Allergies { get; } = new();

            public int AgeOn(DateOnly day)
            {
                var age = day.Year - DateOfBirth.Year;
                return DateOfBirth > day.AddYears(-age) ? age - 1 : age;
            }
        }

        public enum Severity{{i}}
        {
            Mild,
            Moderate,
            Severe,
        }

        public sealed record Allergy{{i}}(string Substance, [property: Phi] string Reaction, Severity{{i}} Severity);

        public enum AppointmentStatus{{i}}
        {
            Requested,
            Booked,
            CheckedIn,
            Completed,
            Cancelled,
            NoShow,
        }

        public sealed class Appointment{{i}}
        {
            public required string Id { get; init; }

            public required string PatientId { get; init; }

            public required string ProviderId { get; init; }

            public DateTime Start { get; set; }

            public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes({{15 + (i % 4) * 15}});

            public DateTime End => Start + Duration;

            [Phi]
            public string? Reason { get; set; }

            public AppointmentStatus{{i}} Status { get; set; } = AppointmentStatus{{i}}.Requested;

            public bool Overlaps(Appointment{{i}} other) => Start < other.End && other.Start < End;
        }

        public sealed record Provider{{i}}(string Id, string Name, IReadOnlyList<DayOfWeek> WorkingDays, TimeOnly DayStart, TimeOnly DayEnd);

        public sealed class InvoiceLine{{i}}
        {
            public required string Code { get; init; }

            public required string Description { get; init; }

            public decimal UnitPrice { get; init; }

            public int Quantity { get; init; } = 1;

            public bool Taxable { get; init; }

            public decimal Amount => UnitPrice * Quantity;
        }

        public sealed class Invoice{{i}}
        {
            public required string Id { get; init; }

            public required string PatientId { get; init; }

            public DateOnly IssuedOn { get; init; }

            public List<InvoiceLine{{i}}> Lines { get; } = new();

            public decimal AmountPaid { get; set; }

            public decimal Total => Lines.Sum(line => line.Amount);

            public decimal Balance => Total - AmountPaid;
        }

        public sealed record ValidationResult{{i}}(bool IsValid, IReadOnlyList<string> Errors)
        {
            public static ValidationResult{{i}} Ok { get; } = new(true, Array.Empty<string>());

            public static ValidationResult{{i}} Fail(params string[] errors) => new(false, errors);
        }

        """;

    private static string Scheduling(int i, string specialty) => $$"""
        namespace Clinic.{{specialty}}{{i}};

        public sealed class SchedulingService{{i}}
        {
            private static readonly TimeSpan s_slotLength = TimeSpan.FromMinutes({{15 + (i % 3) * 5}});
            private readonly IPatientRepository{{i}} _repository;
            private readonly TimeProvider _clock;

            public SchedulingService{{i}}(IPatientRepository{{i}} repository, TimeProvider clock)
            {
                _repository = repository;
                _clock = clock;
            }

            public ValidationResult{{i}} Validate(Appointment{{i}} appointment, Provider{{i}} provider)
            {
                var errors = new List<string>();
                if (appointment.Start < _clock.GetUtcNow().UtcDateTime)
                {
                    errors.Add("The appointment starts in the past.");
                }

                if (!provider.WorkingDays.Contains(appointment.Start.DayOfWeek))
                {
                    errors.Add($"{provider.Name} does not work on {appointment.Start.DayOfWeek}.");
                }

                var startTime = TimeOnly.FromDateTime(appointment.Start);
                var endTime = TimeOnly.FromDateTime(appointment.End);
                if (startTime < provider.DayStart || endTime > provider.DayEnd)
                {
                    errors.Add($"The visit must fit between {provider.DayStart:t} and {provider.DayEnd:t}.");
                }

                if (appointment.Duration <= TimeSpan.Zero || appointment.Duration > TimeSpan.FromHours(4))
                {
                    errors.Add("The duration must be between one minute and four hours.");
                }

                return errors.Count == 0 ? ValidationResult{{i}}.Ok : ValidationResult{{i}}.Fail(errors.ToArray());
            }

            public async Task<IReadOnlyList<DateTime>> FindOpenSlotsAsync(Provider{{i}} provider, DateOnly day, CancellationToken cancellationToken)
            {
                if (!provider.WorkingDays.Contains(day.DayOfWeek))
                {
                    return Array.Empty<DateTime>();
                }

                var booked = await _repository.AppointmentsForProviderAsync(provider.Id, day, cancellationToken).ConfigureAwait(false);
                var taken = booked
                    .Where(a => a.Status is AppointmentStatus{{i}}.Booked or AppointmentStatus{{i}}.CheckedIn)
                    .OrderBy(a => a.Start)
                    .ToList();

                var slots = new List<DateTime>();
                var cursor = day.ToDateTime(provider.DayStart);
                var close = day.ToDateTime(provider.DayEnd);
                while (cursor + s_slotLength <= close)
                {
                    var candidate = new Appointment{{i}} { Id = "probe", PatientId = "-", ProviderId = provider.Id, Start = cursor, Duration = s_slotLength };
                    if (!taken.Any(candidate.Overlaps))
                    {
                        slots.Add(cursor);
                    }

                    cursor += s_slotLength;
                }

                return slots;
            }

            public async Task<ValidationResult{{i}}> BookAsync(Appointment{{i}} appointment, Provider{{i}} provider, CancellationToken cancellationToken)
            {
                var validation = Validate(appointment, provider);
                if (!validation.IsValid)
                {
                    return validation;
                }

                var sameDay = await _repository.AppointmentsForProviderAsync(provider.Id, DateOnly.FromDateTime(appointment.Start), cancellationToken).ConfigureAwait(false);
                var clash = sameDay.FirstOrDefault(other => other.Id != appointment.Id && other.Status != AppointmentStatus{{i}}.Cancelled && other.Overlaps(appointment));
                if (clash is not null)
                {
                    return ValidationResult{{i}}.Fail($"The slot overlaps appointment {clash.Id}.");
                }

                appointment.Status = AppointmentStatus{{i}}.Booked;
                await _repository.SaveAppointmentAsync(appointment, cancellationToken).ConfigureAwait(false);
                return ValidationResult{{i}}.Ok;
            }

            public async Task<bool> CancelAsync(string appointmentId, CancellationToken cancellationToken)
            {
                var appointment = await _repository.FindAppointmentAsync(appointmentId, cancellationToken).ConfigureAwait(false);
                if (appointment is null || appointment.Status is AppointmentStatus{{i}}.Completed or AppointmentStatus{{i}}.Cancelled)
                {
                    return false;
                }

                appointment.Status = AppointmentStatus{{i}}.Cancelled;
                await _repository.SaveAppointmentAsync(appointment, cancellationToken).ConfigureAwait(false);
                return true;
            }

            public double NoShowRate(IEnumerable<Appointment{{i}}> history)
            {
                var past = history.Where(a => a.End < _clock.GetUtcNow().UtcDateTime && a.Status != AppointmentStatus{{i}}.Cancelled).ToList();
                return past.Count == 0 ? 0 : past.Count(a => a.Status == AppointmentStatus{{i}}.NoShow) / (double)past.Count;
            }

            public IReadOnlyDictionary<DayOfWeek, int> LoadByWeekday(IEnumerable<Appointment{{i}}> appointments) =>
                appointments
                    .Where(a => a.Status == AppointmentStatus{{i}}.Booked)
                    .GroupBy(a => a.Start.DayOfWeek)
                    .OrderBy(g => g.Key)
                    .ToDictionary(g => g.Key, g => g.Count());

            public TimeSpan AverageGap(IReadOnlyList<Appointment{{i}}> dayPlan)
            {
                var ordered = dayPlan.OrderBy(a => a.Start).ToList();
                var gaps = ordered.Zip(ordered.Skip(1), (first, second) => second.Start - first.End).Where(gap => gap > TimeSpan.Zero).ToList();
                return gaps.Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)gaps.Average(gap => gap.Ticks));
            }
        }

        """;

    private static string Billing(int i, string specialty) => $$"""
        namespace Clinic.{{specialty}}{{i}};

        public sealed class BillingService{{i}}
        {
            private const decimal TaxRate = 0.0{{(i % 7) + 1}}m;
            private const decimal Coinsurance = 0.{{10 + (i % 4) * 5}}m;
            private const decimal AnnualDeductible = {{500 + (i % 5) * 250}}m;

            public decimal Subtotal(Invoice{{i}} invoice) => invoice.Lines.Sum(line => line.Amount);

            public decimal Tax(Invoice{{i}} invoice) =>
                Math.Round(invoice.Lines.Where(line => line.Taxable).Sum(line => line.Amount) * TaxRate, 2, MidpointRounding.ToEven);

            public (decimal Insurer, decimal Patient) SplitCharge(Patient{{i}} patient, decimal allowedAmount)
            {
                if (allowedAmount < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(allowedAmount), "The allowed amount cannot be negative.");
                }

                var remainingDeductible = Math.Max(0, AnnualDeductible - patient.DeductibleMet);
                var deductiblePart = Math.Min(remainingDeductible, allowedAmount);
                var afterDeductible = allowedAmount - deductiblePart;
                var patientShare = deductiblePart + Math.Round(afterDeductible * Coinsurance, 2);
                patient.DeductibleMet += deductiblePart;
                return (allowedAmount - patientShare, patientShare);
            }

            public IReadOnlyList<decimal> PaymentPlan(decimal balance, int months, decimal monthlyRate)
            {
                if (months <= 0)
                {
                    return Array.Empty<decimal>();
                }

                var payments = new List<decimal>(months);
                if (monthlyRate == 0)
                {
                    var even = Math.Round(balance / months, 2);
                    for (var month = 0; month < months - 1; month++)
                    {
                        payments.Add(even);
                    }

                    payments.Add(balance - even * (months - 1));
                    return payments;
                }

                var factor = (decimal)Math.Pow(1 + (double)monthlyRate, months);
                var installment = Math.Round(balance * monthlyRate * factor / (factor - 1), 2);
                var remaining = balance;
                for (var month = 0; month < months; month++)
                {
                    var interest = Math.Round(remaining * monthlyRate, 2);
                    var principal = Math.Min(installment - interest, remaining);
                    remaining -= principal;
                    payments.Add(month == months - 1 ? principal + interest + remaining : principal + interest);
                }

                return payments;
            }

            public IReadOnlyDictionary<string, decimal> AgeReceivables(IEnumerable<Invoice{{i}}> invoices, DateOnly today) =>
                invoices
                    .Where(invoice => invoice.Balance > 0)
                    .GroupBy(invoice => (today.DayNumber - invoice.IssuedOn.DayNumber) switch
                    {
                        <= 30 => "0-30",
                        <= 60 => "31-60",
                        <= 90 => "61-90",
                        _ => "90+",
                    })
                    .ToDictionary(group => group.Key, group => group.Sum(invoice => invoice.Balance));

            public Invoice{{i}} BuildInvoice(string patientId, IEnumerable<(string Code, decimal Price, int Units)> services, DateOnly issuedOn)
            {
                var invoice = new Invoice{{i}} { Id = $"INV-{{i}}-{issuedOn:yyyyMMdd}-{patientId}", PatientId = patientId, IssuedOn = issuedOn };
                foreach (var (code, price, units) in services.Where(s => s.Units > 0))
                {
                    invoice.Lines.Add(new InvoiceLine{{i}}
                    {
                        Code = code,
                        Description = code.StartsWith("99", StringComparison.Ordinal) ? "Office visit" : "Procedure " + code,
                        UnitPrice = price,
                        Quantity = units,
                        Taxable = !code.StartsWith("99", StringComparison.Ordinal),
                    });
                }

                return invoice;
            }

            public string StatementLine(Invoice{{i}} invoice) =>
                $"{invoice.Id}: {invoice.Lines.Count} item(s), total {invoice.Total:C}, paid {invoice.AmountPaid:C}, due {invoice.Balance:C}";
        }

        """;

    private static string Repository(int i, string specialty) => $$"""
        using System.Collections.Concurrent;

        namespace Clinic.{{specialty}}{{i}};

        public interface IPatientRepository{{i}}
        {
            Task<Patient{{i}}?> FindPatientAsync(string id, CancellationToken cancellationToken);

            Task<Appointment{{i}}?> FindAppointmentAsync(string id, CancellationToken cancellationToken);

            Task<IReadOnlyList<Appointment{{i}}>> AppointmentsForProviderAsync(string providerId, DateOnly day, CancellationToken cancellationToken);

            Task SaveAppointmentAsync(Appointment{{i}} appointment, CancellationToken cancellationToken);

            Task<IReadOnlyList<Patient{{i}}>> SearchAsync(Func<Patient{{i}}, bool> predicate, int limit, CancellationToken cancellationToken);
        }

        public sealed class InMemoryPatientRepository{{i}} : IPatientRepository{{i}}
        {
            private readonly ConcurrentDictionary<string, Patient{{i}}> _patients = new(StringComparer.Ordinal);
            private readonly ConcurrentDictionary<string, Appointment{{i}}> _appointments = new(StringComparer.Ordinal);

            public Task<Patient{{i}}?> FindPatientAsync(string id, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(_patients.TryGetValue(id, out var patient) ? patient : null);
            }

            public Task<Appointment{{i}}?> FindAppointmentAsync(string id, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.FromResult(_appointments.TryGetValue(id, out var appointment) ? appointment : null);
            }

            public Task<IReadOnlyList<Appointment{{i}}>> AppointmentsForProviderAsync(string providerId, DateOnly day, CancellationToken cancellationToken)
            {
                IReadOnlyList<Appointment{{i}}> result = _appointments.Values
                    .Where(a => a.ProviderId == providerId && DateOnly.FromDateTime(a.Start) == day)
                    .OrderBy(a => a.Start)
                    .ToList();
                return Task.FromResult(result);
            }

            public Task SaveAppointmentAsync(Appointment{{i}} appointment, CancellationToken cancellationToken)
            {
                if (!_patients.ContainsKey(appointment.PatientId))
                {
                    throw new InvalidOperationException($"Unknown patient '{appointment.PatientId}' for appointment '{appointment.Id}'.");
                }

                _appointments[appointment.Id] = appointment;
                return Task.CompletedTask;
            }

            public Task<IReadOnlyList<Patient{{i}}>> SearchAsync(Func<Patient{{i}}, bool> predicate, int limit, CancellationToken cancellationToken)
            {
                IReadOnlyList<Patient{{i}}> result = _patients.Values.Where(predicate).OrderBy(p => p.Id, StringComparer.Ordinal).Take(limit).ToList();
                return Task.FromResult(result);
            }

            public void AddPatient(Patient{{i}} patient)
            {
                if (!_patients.TryAdd(patient.Id, patient))
                {
                    throw new InvalidOperationException($"Patient '{patient.Id}' already exists.");
                }
            }

            public int CountDueForRecall(DateOnly today, int monthsSinceVisit)
            {
                var cutoff = today.AddMonths(-monthsSinceVisit).ToDateTime(TimeOnly.MinValue);
                return _patients.Values.Count(patient => !_appointments.Values.Any(a => a.PatientId == patient.Id && a.Start >= cutoff));
            }
        }

        """;

    private static string Helpers(int i, string specialty) => $$"""
        using System.Globalization;
        using System.Text;
        using HipaaDev.Annotations;

        namespace Clinic.{{specialty}}{{i}};

        public static class TextHelpers
        {
            [PhiSanitizer]
            public static string Initials(string fullName)
            {
                var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var builder = new StringBuilder(parts.Length * 2);
                foreach (var part in parts)
                {
                    builder.Append(char.ToUpperInvariant(part[0])).Append('.');
                }

                return builder.ToString();
            }

            public static string MaskPhone(string phone) =>
                phone.Length <= 4 ? new string('*', phone.Length) : new string('*', phone.Length - 4) + phone[^4..];

            public static string FormatVisitTime(DateTime start) =>
                start.ToString("dddd d MMMM 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"));

            public static string Pluralize(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

            public static string Truncate(string text, int maxLength) =>
                text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");

            public static string ClinicSignature() => "{{specialty}} clinic, suite {{100 + i}}";
        }

        """;

    private static string Notifier(int i, string specialty) => $$"""
        using HipaaDev.Annotations;
        using MailKit.Net.Smtp;
        using MimeKit;
        using SendGrid;
        using SendGrid.Helpers.Mail;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        namespace Clinic.{{specialty}}{{i}};

        public sealed class Notifier{{i}}
        {
            private const string FromNumber = "+1500555{{(i % 10000):D4}}";
            private static readonly EmailAddress s_sender = new("noreply@{{specialty.ToLowerInvariant()}}.clinic.example", "{{specialty}} clinic");
            private readonly ISendGridClient _email;

            public Notifier{{i}}(ISendGridClient email)
            {
                _email = email;
            }

            public Task<MessageResource> SendReminderAsync(Patient{{i}} patient, Appointment{{i}} appointment)
            {
                var body = $"Reminder from {TextHelpers.ClinicSignature()}: your visit is on {TextHelpers.FormatVisitTime(appointment.Start)}. Reply C to confirm.";
                return SendSmsAsync(patient.MobilePhone, body);
            }

            public Task<MessageResource> SendFollowUpAsync(Patient{{i}} patient)
            {
                var body = "Follow-up on your " + patient.Diagnosis + " visit. Call us to book.";
                return SendSmsAsync(patient.MobilePhone, body);
            }

            public async Task SendStatementAsync(Patient{{i}} patient, Invoice{{i}} invoice, BillingService{{i}} billing)
            {
                var message = MailHelper.CreateSingleEmail(
                    s_sender,
                    new EmailAddress(patient.Email),
                    "Your statement from {{specialty}}",
                    $"Hello {TextHelpers.Initials(patient.FullName)}, {billing.StatementLine(invoice)}",
                    null);
                await _email.SendEmailAsync(message).ConfigureAwait(false);
            }

            public async Task SendStatementWithNameAsync(Patient{{i}} patient, Invoice{{i}} invoice)
            {
                var message = new SendGridMessage
                {
                    From = s_sender,
                    Subject = "Statement for " + patient.FullName,
                    PlainTextContent = $"Amount due: {invoice.Balance:C}",
                };
                message.AddTo(new EmailAddress(patient.Email));
                await _email.SendEmailAsync(message).ConfigureAwait(false);
            }

            [ApprovedChannel("secure-email")]
            public void SendResultsSecurely(Patient{{i}} patient, string resultSummary)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("{{specialty}} results", "results@clinic.example"));
                message.To.Add(new MailboxAddress(patient.FullName, patient.Email));
                message.Subject = "New results in your portal";
                var builder = new BodyBuilder
                {
                    TextBody = $"Dear {patient.FullName},\n\nYour results: {resultSummary}\nDiagnosis on file: {patient.Diagnosis}",
                };
                message.Body = builder.ToMessageBody();
                Deliver(message);
            }

            public void SendPortalNotice(Patient{{i}} patient)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("{{specialty}} clinic", "portal@clinic.example"));
                message.To.Add(new MailboxAddress(string.Empty, patient.Email));
                message.Subject = "A new message is waiting in your patient portal";
                message.Body = new TextPart("plain") { Text = "Sign in to the portal to read it. " + TextHelpers.ClinicSignature() };
                Deliver(message);
            }

            private static void Deliver(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.clinic.example", 587, MailKit.Security.SecureSocketOptions.StartTls);
                client.Send(message);
                client.Disconnect(true);
            }

            private static Task<MessageResource> SendSmsAsync(string to, string body) =>
                MessageResource.CreateAsync(to: new PhoneNumber(to), from: new PhoneNumber(FromNumber), body: body);
        }

        """;
}
