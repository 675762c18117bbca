import type { Template } from '../model';

/**
 * An editorial site whose outcome is a paid subscription (GA4 records subscription
 * payments as purchase). Readers first register (sign_up), which many sites also use as
 * a goal of its own. Comments, shares, newsletter and search are secondary actions.
 * "Read to the end" is GA4's enhanced-measurement scroll event (90% depth); it fires on any
 * long page, so filter the export to article pages when other pages are long too.
 */
export const content: Template = {
  id: 'content',
  name: 'Content and editorial',
  description: 'Publisher or media site: from reading an article to registering and taking a subscription.',
  framework: {
    macro: {
      name: 'Take a digital subscription',
      eventName: 'purchase',
      valuePerConversion: 60,
      targetRate: 0.01,
      owner: 'Head of audience',
    },
    phases: [
      { name: 'Discover a story', customerGoal: 'I want a story worth my time on a topic I follow.' },
      { name: 'Want more', customerGoal: 'I want to keep reading without hitting a wall.' },
      { name: 'Subscribe', customerGoal: 'I want full access at a fair price, set up in a minute.' },
    ],
    milestones: [
      {
        phase: 'Discover a story',
        name: 'Read an article to the end',
        eventName: 'scroll',
        metric: 'Users who scroll 90% of an article / users who open an article',
        target: 0.35,
        owner: 'Managing editor',
        priority: 'Medium',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Want more',
        name: 'Open the subscription offer',
        eventName: 'select_promotion',
        metric: 'Users who click the offer / users who read an article to the end',
        target: 0.05,
        owner: 'Subscriptions marketing manager',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Subscribe',
        name: 'Register an account',
        eventName: 'sign_up',
        metric: 'Registrations / users who click the offer',
        target: 0.4,
        owner: 'Head of audience',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Subscribe',
        name: 'Start checkout',
        eventName: 'begin_checkout',
        metric: 'Registered users who open checkout / registrations',
        target: 0.3,
        owner: 'Subscriptions marketing manager',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
    ],
    secondaryActions: [
      {
        name: 'Sign up for a free newsletter',
        eventName: 'newsletter_signup',
        metric: 'Newsletter signups / users who read an article to the end',
        target: 0.03,
        owner: 'Newsletter editor',
        priority: 'Medium',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Share an article',
        eventName: 'share',
        metric: 'Users who share / users who read an article to the end',
        target: 0.02,
        owner: 'Social media editor',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Comment on an article',
        eventName: 'post_comment',
        metric: 'Users who comment / registered users',
        target: 0.01,
        owner: 'Community editor',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Search the archive',
        eventName: 'search',
        metric: 'Users who search / all users',
        target: 0.05,
        owner: 'Product manager',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
    ],
  },
};
