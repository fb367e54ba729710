using CareForAll.Pledges.Domain;

namespace CareForAll.Pledges.Tests;

public sealed class PaymentOutcomeTests
{
    [Theory]
    [InlineData("payment.initiated", PledgeStatus.PaymentInitiated)]
    [InlineData("payment.authorized", PledgeStatus.PaymentInitiated)]
    [InlineData("payment.captured", PledgeStatus.PaymentInitiated)]
    [InlineData("payment.completed", PledgeStatus.Completed)]
    [InlineData("payment.failed", PledgeStatus.Failed)]
    [InlineData("payment.refunded", PledgeStatus.Refunded)]
    public void each_payment_event_implies_one_pledge_status(string eventType, string pledgeStatus) =>
        PaymentOutcome.PledgeStatusForEvent(eventType).ShouldBe(pledgeStatus);

    [Theory]
    [InlineData("pending", PledgeStatus.PaymentInitiated)]
    [InlineData("AUTHORIZED", PledgeStatus.PaymentInitiated)]
    [InlineData("completed", PledgeStatus.Completed)]
    public void payment_statuses_map_whatever_their_case(string paymentStatus, string pledgeStatus) =>
        PaymentOutcome.PledgeStatusFor(paymentStatus).ShouldBe(pledgeStatus);

    [Theory]
    [InlineData("payment.pending_review")]
    [InlineData("pledge.completed")]
    [InlineData("payment.")]
    [InlineData("campaign.completed")]
    public void other_events_imply_nothing(string eventType) =>
        PaymentOutcome.PledgeStatusForEvent(eventType).ShouldBeNull();

    [Fact]
    public void every_event_the_queue_is_bound_to_implies_a_status() =>
        Features.Payments.ApplyPaymentEvent.Handler.EventTypes
            .ShouldAllBe(type => PaymentOutcome.PledgeStatusForEvent(type) != null);
}
