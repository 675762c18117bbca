import type { Template } from '../model';

/**
 * A business that sells through a conversation: the outcome is a submitted quote or
 * demo request, recorded with GA4's generate_lead. Content downloads, videos and chat
 * build trust along the way and are secondary actions.
 * GA4 has no event for "viewed the pricing page" (only page_view with a page path), and a
 * funnel step is an event name, so the first two steps are custom events to send with gtag.
 */
export const leadGeneration: Template = {
  id: 'lead-generation',
  name: 'Lead generation',
  description: 'Services or B2B: from reading about a solution to a submitted quote or demo request.',
  framework: {
    macro: {
      name: 'Request a quote or a demo',
      eventName: 'generate_lead',
      valuePerConversion: 250,
      targetRate: 0.03,
      owner: 'Demand generation manager',
    },
    phases: [
      {
        name: 'Understand the problem',
        customerGoal: 'I want to know whether this kind of solution fits my case.',
      },
      {
        name: 'Compare providers',
        customerGoal: 'I want to see what it costs and why this provider over others.',
      },
      { name: 'Get in touch', customerGoal: 'I want a tailored answer without a long form.' },
    ],
    milestones: [
      {
        phase: 'Understand the problem',
        name: 'Read a solution page',
        eventName: 'view_solution_page',
        metric: 'Users who view a solution page / all users',
        target: 0.4,
        owner: 'Content marketing lead',
        priority: 'Medium',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Compare providers',
        name: 'View the pricing page',
        eventName: 'view_pricing',
        metric: 'Users who view pricing / users who view a solution page',
        target: 0.3,
        owner: 'Product marketing manager',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        phase: 'Get in touch',
        name: 'Start the quote or demo form',
        eventName: 'form_start',
        metric: 'Users who start the form / users who view pricing',
        target: 0.25,
        owner: 'Web manager',
        priority: 'High',
        dataSource: 'GA4',
        status: 'Planned',
      },
    ],
    secondaryActions: [
      {
        name: 'Download a whitepaper or case study',
        eventName: 'file_download',
        metric: 'Users who download a resource / all users',
        target: 0.04,
        owner: 'Content marketing lead',
        priority: 'Medium',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Watch the product video to the end',
        eventName: 'video_complete',
        metric: 'Users who finish the video / users who start it',
        target: 0.35,
        owner: 'Product marketing manager',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Subscribe to the newsletter',
        eventName: 'newsletter_signup',
        metric: 'Newsletter signups / all users',
        target: 0.015,
        owner: 'CRM manager',
        priority: 'Low',
        dataSource: 'GA4',
        status: 'Planned',
      },
      {
        name: 'Start a chat with sales',
        eventName: 'chat_start',
        metric: 'Users who open a chat / users who view pricing',
        target: 0.05,
        owner: 'Sales development lead',
        priority: 'Medium',
        dataSource: 'Chat tool',
        status: 'Planned',
      },
    ],
  },
};
