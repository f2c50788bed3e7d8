using System.Threading.Tasks;
using HipaaDev.Annotations;
using Riverside.Scheduling;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Riverside.Notifications
{
    // Plain SMS was never approved for PHI; the attribute names a channel the policy does not list.
    [ApprovedChannel("sms")] // expect: HIPAA003
    public sealed class AppointmentReminders
    {
        public Task<MessageResource> SendAsync(Visit visit)
        {
            var text = $"Hi {visit.PatientFirstName}, your {visit.Reason} visit in {visit.Department} is on {visit.StartsAt:MMM d}.";
            return MessageResource.CreateAsync(
                to: new PhoneNumber(visit.MobilePhone),
                from: new PhoneNumber("+15555550100"),
                body: text); // expect: HIPAA001
        }
    }
}
