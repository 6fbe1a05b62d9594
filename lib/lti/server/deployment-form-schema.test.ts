import { describe, expect, it } from 'vitest';
import { DeploymentFormSchema } from '@/app/(admin)/admin/lms/deployment-schema';

const id = '6f1c1f7e-2b9a-4f43-9b1e-0c4a1b2c3d4e';

describe('the add-deployment form schema', () => {
  it('accepts one id and trims it', () => {
    expect(DeploymentFormSchema.parse({ registrationId: id, deploymentId: ' 42:abc ' })).toEqual({ registrationId: id, deploymentId: '42:abc' });
  });

  it.each([
    [{ registrationId: id, deploymentId: '' }, 'required'],
    [{ registrationId: id, deploymentId: 'a b' }, 'oneDeployment'],
    [{ registrationId: id, deploymentId: 'a,b' }, 'oneDeployment'],
    [{ registrationId: id, deploymentId: 'x'.repeat(256) }, 'tooLong'],
    [{ registrationId: 'not-a-uuid', deploymentId: 'a' }, 'registrationNotFound'],
  ])('refuses %j with %s', (input, message) => {
    const r = DeploymentFormSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(message);
  });
});
