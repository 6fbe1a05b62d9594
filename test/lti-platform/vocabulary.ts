// The platform spells the spec's URIs itself rather than importing the tool's constants, so a
// typo on either side shows up as a failing launch instead of agreeing with itself.

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

export const CLAIMS = {
  message_type: `${LTI}message_type`,
  version: `${LTI}version`,
  deployment_id: `${LTI}deployment_id`,
  target_link_uri: `${LTI}target_link_uri`,
  resource_link: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  tool_platform: `${LTI}tool_platform`,
  launch_presentation: `${LTI}launch_presentation`,
  custom: `${LTI}custom`,
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deep_linking_settings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  content_items: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  dl_data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  dl_msg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
} as const;

export const SCOPES = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

export const ROLES = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  contextAdmin: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator',
  institutionAdmin: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
  systemAdmin: 'http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator',
} as const;

export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
export const SCORE_MEDIA_TYPE = 'application/vnd.ims.lis.v1.score+json';
export const MEMBERSHIP_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
