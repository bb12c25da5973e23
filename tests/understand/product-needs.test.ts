import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../src/knowledge/load.js';
import { Understanding } from '../../src/understand/understanding.js';
import { notesDir } from '../helpers/notes-dir.js';
import { tutorFor } from '../helpers/tutor.js';

/** AWS container notes with a topic on Docker, an open-source product no cloud sells. */
const CONTAINERS = [
  '# Docker',
  '* apps are packaged in **containers** that run the same on any OS',
  '* images are stored in registries',
  '  > public : **dockerhub**',
  '  > private : **ECR**',
  '* containers are light weight, they dont have a complete OS',
  '',
  '# Amazon ECS (Elastic Container Service)',
  '* runs docker containers on AWS, u pick EC2 or Fargate capacity',
  '* a task definition says which image, cpu & memory',
  '',
  '# Amazon EKS (Elastic Kubernetes Service)',
  'Also known as: Kubernetes, k8s',
  '* managed kubernetes control plane on AWS',
  '* worker nodes on EC2 or Fargate',
  '',
  '# Amazon ECR (Elastic Container Registry)',
  '* private registry for container images, scans images for vulnerabilities',
  '',
].join('\n');

/** The notes' folder, and what understanding makes of them; a folder made inside each test. */
function containers() {
  const dir = notesDir({ 'containers.md': CONTAINERS });
  const understanding = new Understanding(loadKnowledgeDir(dir).knowledge);
  const topicTitled = (start: string) =>
    understanding.index.topics.findIndex((topic) => topic.title.startsWith(start));
  const needsFrom = (topic: number) => understanding.services.needsFrom(topic).map((service) => service.name);
  return { dir, understanding, topicTitled, needsFrom };
}

describe('the needs of products beyond the clouds', () => {
  it('answer a need for the product a topic’s heading names: Docker', () => {
    const reply = tutorFor(containers().dir).answer(
      "every developer's laptop has different library versions and the app breaks on the server",
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Docker');
  });

  it('leave a topic on a cloud service to that service’s needs, and a product’s topic to its own', () => {
    const { understanding, topicTitled, needsFrom } = containers();
    // EKS teaches Kubernetes too, but every need of Kubernetes is no question about EKS.
    const eks = topicTitled('Amazon EKS');
    expect(understanding.services.coveredBy(eks).map((service) => service.name)).toContain('Kubernetes');
    expect(needsFrom(eks)).toEqual(['Amazon Elastic Kubernetes Service']);
    // Docker Hub, a key term under Docker, is a registry: its needs would take questions from ECR.
    expect(needsFrom(topicTitled('Docker'))).toEqual(['Docker']);
  });

  it('make notes on AWS no notes on open-source tools: no need is heard as another such tool’s', () => {
    const { understanding } = containers();
    expect([...understanding.services.clouds]).toEqual(['aws']);
    const { read } = understanding.understand(
      'collect metrics from every service by scraping an http endpoint',
    );
    expect(understanding.soundsLikeUncovered(read)?.provider ?? 'aws').toBe('aws');
  });
});
