import type { Template } from '../model';

/**
 * A software subscription sold through a free trial: the outcome is the first paid
 * subscription, recorded with GA4's purchase event (GA4's advice for subscriptions).
 * Onboarding is measured with tutorial_complete; invites and sharing are secondary.
 */
export const saas: Template = {
  id: 'saas',
  name: 'SaaS subscription',
  description: 'Software with a free trial: from creating a trial account to the first paid subscription.',
  framework: {
    macro: {
      name: 'Upgrade from trial to a paid plan',
      eventName: 'purchase',
      valuePerConversion: 600,
      targetRate: 0.15,
      owner: 'Growth lead',
    },
    phases: [
      { name: 'Try it', customerGoal: 'I want to find out, without paying, whether it solves my problem.' },
      { name: 'Get a first result', customerGoal: 'I want to see it work on my own data quickly.' },
      { name: 'Commit', customerGoal: 'I want a plan that fits my team and budget, and an easy way to pay.' },
    ],
    milestones: [
      {
        phase: 'Try it',
        name: 'Create a trial account',
        eventName: 'sign_up',
        metric: 'Trial signups / users who view pricing or the home page',
        target: 0.05,
        owner: 'Growth lead',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Get a first result',
        name: 'Finish onboarding',
        eventName: 'tutorial_complete',
        metric: 'Trial users who finish onboarding / trial signups',
        target: 0.6,
        owner: 'Product manager',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Commit',
        name: 'Choose a plan',
        eventName: 'begin_checkout',
        metric: 'Trial users who open checkout / trial users who finish onboarding',
        target: 0.3,
        owner: 'Pricing manager',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Commit',
        name: 'Enter payment details',
        eventName: 'add_payment_info',
        metric: 'Trial users who enter payment details / trial users who open checkout',
        target: 0.7,
        owner: 'Billing lead',
        priority: 'Medium',
        dataSource: 'GA4',
        status: 'Planned',
      },
    ],
    secondaryActions: [
      {
        name: 'Log in again during the trial',
        eventName: 'login',
        metric: 'Trial users who log in on a second day / trial signups',
        target: 0.5,
        owner: 'Product manager',
        priority: 'Medium',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Invite a teammate',
        eventName: 'invite_teammate',
        metric: 'Trial accounts that invite a teammate / trial signups',
        target: 0.2,
        owner: 'Product manager',
        priority: 'Medium',
        dataSource: 'Product database',
        status: 'Planned',
      },
      {
        name: 'Share a report or project',
        eventName: 'share',
        metric: 'Trial users who share / trial signups',
        target: 0.1,
        owner: 'Growth lead',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Watch a product webinar',
        eventName: 'video_start',
        metric: 'Trial users who start a webinar video / trial signups',
        target: 0.08,
        owner: 'Customer education lead',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
    ],
  },
};
